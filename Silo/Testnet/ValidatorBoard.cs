using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;
using HarmonySim.Grains.Interfaces.Runs;
using HarmonySim.Silo.Testnet.Rpc;
using HarmonySim.Simulation.Plans;
using HarmonySim.Simulation.Runs;
using HarmonySim.Simulation.Testnet;
using Microsoft.AspNetCore.Http;

namespace HarmonySim.Silo.Testnet;

/// <summary>
/// The dashboard's Validators section on a testnet: <c>GET /api/testnet/validators</c> lists the beacon's validators
/// from the same staking snapshot the staking RPC reads (shard 0's network grain), with Harmony's election and
/// activity words and whose each one is: a simulated cohort's node or a player's (an address no simulated node owns).
/// The testnet advertises it with a <c>Link</c> header on the dashboard's <c>/api/info</c>, so the page asks for it
/// only where it exists (a plain <c>run --dashboard</c> page never requests it).
/// </summary>
public sealed class ValidatorBoard(IGrainFactory grains, RunPlan plan)
{
    public const string Path = "/api/testnet/validators";

    /// <summary>The <c>rel</c> of the <c>Link</c> header on <c>/api/info</c> that names <see cref="Path"/>.</summary>
    public const string Relation = "harmonysim-validators";

    // A simulated validator's address is its node's earning address: every other validator was made by a player.
    private readonly Dictionary<string, (int Node, string Cohort)> _simulated = plan.Nodes
        .Where(n => n.StakePerKey is not null)
        .ToDictionary(n => RunContext.OwnerOf(plan, n.Id).ToString(), n => (n.Id, n.Cohort), StringComparer.OrdinalIgnoreCase);

    /// <summary>Serves <see cref="Path"/> and adds the advertising header to <c>/api/info</c>; true when it answered the request.</summary>
    public async Task<bool> Handle(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var path = context.Request.Path;
        if (path.Equals("/api/info", StringComparison.Ordinal))
        {
            context.Response.Headers.Append("Link", $"<{Path.TrimStart('/')}>; rel=\"{Relation}\"");
            return false;
        }
        if (!path.Equals(Path, StringComparison.Ordinal) || !HttpMethods.IsGet(context.Request.Method)) return false;
        var snapshot = await grains.GetGrain<IShardNetworkGrain>($"{plan.RunId}/0").Staking();
        context.Response.Headers.CacheControl = "no-store";
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(Board(snapshot).ToJsonString(), context.RequestAborted);
        return true;
    }

    /// <summary>The section's JSON: the epoch and head block, then every validator in creation order.</summary>
    public JsonObject Board(StakingSnapshot? snapshot)
    {
        if (snapshot is null) return new JsonObject { ["staking"] = false, ["validators"] = new JsonArray() };
        return new JsonObject
        {
            ["staking"] = true,
            ["epoch"] = snapshot.Epoch,
            ["block"] = snapshot.BlockNumber,
            ["blocksPerEpoch"] = snapshot.BlocksPerEpoch,
            ["validators"] = new JsonArray([.. snapshot.Validators.Select(v => (JsonNode)Row(v))]),
        };
    }

    private JsonObject Row(ValidatorView v)
    {
        var self = v.Delegations.Where(d => string.Equals(d.Delegator, v.Address, StringComparison.OrdinalIgnoreCase))
            .Aggregate(BigInteger.Zero, (sum, d) => sum + Parse(d.Amount));
        var total = Parse(v.TotalDelegation);
        var simulated = _simulated.TryGetValue(v.Address, out var node);
        return new JsonObject
        {
            ["address"] = RpcFormat.Address(v.Address, RpcStyle.Numbers),
            ["hex"] = v.Address,
            ["name"] = v.Description.Name,
            ["totalStake"] = Ones(total),
            ["selfStake"] = Ones(self),
            ["delegated"] = Ones(total - self),
            ["elected"] = v.InCommittee,
            ["electedNext"] = v.ElectedNext,
            ["eposStatus"] = EposWords.Status(v),
            ["activeStatus"] = EposWords.Active(v),
            ["bootedStatus"] = EposWords.Booted(v),
            ["excludedBecause"] = v.ExcludedBecause,
            ["owner"] = simulated ? "simulated" : "player",
            ["cohort"] = simulated ? node.Cohort : null,
            ["node"] = simulated ? node.Node : null,
        };
    }

    private static BigInteger Parse(string integer) => BigInteger.Parse(integer, CultureInfo.InvariantCulture);

    /// <summary>Whole ONE with up to 4 decimals (the page shows it as is; the RPC has the exact atto amounts).</summary>
    private static string Ones(BigInteger atto)
    {
        var scaled = BigInteger.Divide(atto * 10_000, Protocol.Staking.State.Units.AttoPerOne);
        var whole = BigInteger.Divide(scaled, 10_000);
        var rest = (int)BigInteger.Remainder(BigInteger.Abs(scaled), 10_000);
        return rest == 0 ? whole.ToString(CultureInfo.InvariantCulture) : $"{whole.ToString(CultureInfo.InvariantCulture)}.{rest.ToString("0000", CultureInfo.InvariantCulture).TrimEnd('0')}";
    }
}
