using HarmonySim.Silo.Hosting;
using HarmonySim.Silo.Testnet.Rpc;
using HarmonySim.Simulation.Plans;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace HarmonySim.Silo.Testnet;

/// <summary>
/// The testnet's web endpoint: the dashboard's (pages, API, /metrics, /orleans) with the JSON-RPC endpoint in front
/// of it on the same port, so POST / and /rpc/{shard} are RPC, a WebSocket upgrade on those paths is RPC with
/// newHeads subscriptions (<see cref="HeadSubscriptions"/>), GET /api/testnet/validators is the dashboard's Validators
/// section (<see cref="ValidatorBoard"/>), and every other GET is the dashboard's.
/// </summary>
public static class TestnetWeb
{
    public static SiloExtras With(SiloExtras dashboard, RunPlan plan, TestnetInput input, RpcLimits limits)
    {
        ArgumentNullException.ThrowIfNull(dashboard);
        return dashboard with
        {
            App = app =>
            {
                // The web host is the silo's own host, so the grain factory is the silo's: reads stay in process.
                var grains = app.ApplicationServices.GetRequiredService<IGrainFactory>();
                var rpc = new TestnetRpc(grains, plan, input);
                FaucetRpc.Register(rpc, grains, plan, input);
                StakingRpc.Register(rpc, grains, plan);
                var endpoint = new JsonRpcEndpoint(rpc, limits);
                // The dashboard's Validators section, where the testnet has staking.
                var board = plan.Staking is null ? null : new ValidatorBoard(grains, plan);
                var heads = new HeadSubscriptions(app.ApplicationServices.GetRequiredService<IGrainFactory>(), plan, endpoint, limits);
                app.ApplicationServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopped.Register(endpoint.Dispose);
                app.UseWebSockets();
                app.Use(async (context, next) =>
                {
                    // A WebSocket upgrade on an RPC path is JSON-RPC over the socket, with newHeads subscriptions.
                    if (context.WebSockets.IsWebSocketRequest && endpoint.ShardOf(context.Request.Path) is { } shard && shard >= 0 && shard < plan.Shards)
                        await heads.Serve(context, shard);
                    else if (endpoint.Handles(context.Request)) await endpoint.Serve(context);
                    else if (board is not null && await board.Handle(context)) return;
                    else await next(context);
                });
                dashboard.App?.Invoke(app);
            },
        };
    }
}
