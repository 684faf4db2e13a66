using System.CommandLine;
using System.Globalization;
using System.Net;
using HarmonySim.Silo.Dashboards;
using HarmonySim.Silo.Reports;
using HarmonySim.Silo.Reports.Streaming;
using HarmonySim.Silo.Runs;
using HarmonySim.Silo.Scenarios;
using HarmonySim.Silo.Testnet;
using HarmonySim.Silo.Testnet.Rpc;

namespace HarmonySim.Silo.Commands;

/// <summary>
/// <c>harmonysim testnet CONFIG [--port N] [--data DIR] [--speed 1x] [--rate-limit N]</c>: a long-running network
/// paced to the wall clock from a testnet config (a scenario's network, cohorts, staking and load sections plus
/// <c>genesis:</c> accounts), serving the dashboard and JSON-RPC on one port until SIGINT or SIGTERM. Outside
/// transactions are journaled in the data folder, and a start with the same folder replays them first, so the chain
/// and its balances come back; with the cluster storage configured (<c>Storage:Provider azure</c>) the journal is in
/// Azure Blob storage instead (<see cref="TestnetStorage"/>). Exit 0 after a graceful stop; 2 on a bad config, journal,
/// option or storage setting; 4 when the port is taken or the journal's storage cannot be reached.
/// </summary>
public static class TestnetCommand
{
    /// <summary>Harmony's own RPC port.</summary>
    public const int DefaultPort = 9500;

    /// <summary>Outside input enters between steps: a transaction waits at most this long (virtual time) for its pool.</summary>
    public static readonly TimeSpan Step = TimeSpan.FromSeconds(1);

    public static Command Build()
    {
        var config = new Argument<string>("config") { Description = "Testnet config YAML (a scenario's sections plus genesis accounts; see deploy/testnet.yaml)." };
        var port = new Option<string?>("--port") { Description = $"Port for JSON-RPC (POST / and /rpc/SHARD) and the dashboard (GET /) on 127.0.0.1 (default {DefaultPort}; 0 picks a free one)." };
        var data = new Option<string?>("--data") { Description = "Folder for the input journal and the run's logs (default testnet-data/NAME); starting again with it replays the journal. With Storage:Provider azure (the cluster settings) the journal is in blob storage instead." };
        var speed = new Option<string>("--speed") { Description = "Pace: 1x (real time, the default) or Nx.", DefaultValueFactory = _ => "1x" };
        var rate = new Option<int>("--rate-limit") { Description = "JSON-RPC calls per second per client address.", DefaultValueFactory = _ => new RpcLimits().RequestsPerSecond };
        var bind = new Option<string>("--bind") { Description = "Address to listen on (default 127.0.0.1; 0.0.0.0 serves other machines).", DefaultValueFactory = _ => "127.0.0.1" };
        var command = new Command("testnet", "Run a real-time testnet with JSON-RPC and the dashboard until stopped (Ctrl-C).\n" + ExitCodes.Help)
        {
            config, port, data, speed, rate, bind,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            var loaded = ScenarioArgument.Load(parse.GetValue(config)!, stderr, out var path);
            if (loaded.Scenario is not { } s) return ExitCodes.BadInput;
            if (!s.IsTestnet)
            {
                stderr.WriteLine($"{path}:1:1: genesis: is required in a testnet config (the funded accounts: address, shard, balance); nothing started.");
                return ExitCodes.BadInput;
            }
            foreach (var w in loaded.Warnings) stderr.WriteLine(w.ToString());
            if (!RunCommand.TryParseSpeed(parse.GetValue(speed)!, out var factor) || factor is null)
            {
                stderr.WriteLine($"--speed: expected 1x or another multiple such as 10x (a testnet is paced), got '{ScenarioValues.Echo(parse.GetValue(speed)!)}'");
                return ExitCodes.BadInput;
            }
            var portText = parse.GetValue(port);
            var webPort = DefaultPort;
            if (portText is not null && !(int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out webPort) && webPort <= 65535))
            {
                stderr.WriteLine($"--port: expected a port from 0 to 65535, got '{ScenarioValues.Echo(portText)}'");
                return ExitCodes.BadInput;
            }
            if (!IPAddress.TryParse(parse.GetValue(bind)!, out var address))
            {
                stderr.WriteLine($"--bind: expected an IP address such as 127.0.0.1 or 0.0.0.0, got '{ScenarioValues.Echo(parse.GetValue(bind)!)}'");
                return ExitCodes.BadInput;
            }
            var rateLimit = parse.GetValue(rate);
            if (rateLimit < 1)
            {
                stderr.WriteLine($"--rate-limit: at least 1 call per second, got {rateLimit}");
                return ExitCodes.BadInput;
            }
            if (ScenarioArgument.Plan(s, $"testnet-{s.Name}", path, stderr) is not { } plan) return ExitCodes.BadInput;
            var folder = parse.GetValue(data) ?? Path.Combine("testnet-data", s.Name);
            var opened = await TestnetStorage.Open(folder, s.Name, plan.Shards, cancellation);
            if (opened.Journal is not { } journal)
            {
                stderr.WriteLine($"{opened.Error}; nothing started.");
                return opened.ExitCode;
            }
            await using (journal)
            {
                var listen = new IPEndPoint(address, webPort);
                if (webPort > 0 && Cluster.PortCheck.Taken(address, webPort, "--port") is { } taken)
                {
                    stderr.WriteLine($"{taken}; nothing started (--port 0 picks a free port).");
                    return ExitCodes.Unavailable;
                }
                return await Serve(new Serving(path, s.Name, plan, journal, folder, listen, factor.Value, new RpcLimits { RequestsPerSecond = rateLimit }), stdout, stderr, cancellation);
            }
        });
        return command;
    }

    private sealed record Serving(string Path, string Name, Simulation.Plans.RunPlan Plan, IInputJournal Journal, string Folder, IPEndPoint Listen, double Speed, RpcLimits Limits);

    private static async Task<int> Serve(Serving t, TextWriter stdout, TextWriter stderr, CancellationToken cancellation)
    {
        var input = new TestnetInput(t.Plan.RunId, t.Journal);
        var target = System.IO.Path.Combine(t.Folder, "run");
        if (Directory.Exists(target)) Directory.Delete(target, recursive: true);
        using var stop = new StopSignals(cancellation);
        using var streamed = RunOutput.InFolder(target);
        using var watch = RunWatch.For(t.Plan, t.Speed, t.Listen, TextWriter.Null, extras => TestnetWeb.With(extras, t.Plan, input, t.Limits));
        if (t.Journal.Recorded.Count > 0) stdout.WriteLine($"Replaying {t.Journal.Recorded.Count} journaled transactions from {t.Journal.Location}...");
        var runner = new Runner
        {
            Step = Step,
            Speed = t.Speed,
            Output = streamed,
            Control = watch.Control,
            Watchers = watch.Watchers,
            Extras = watch.Extras,
            Input = input,
            Started = silo =>
            {
                var web = silo.WebAddress?.ToString().TrimEnd('/') ?? $"http://{t.Listen}";
                stdout.WriteLine($"Testnet {t.Name}: {t.Plan.Shards} shards, Harmony chain id {t.Plan.Testnet!.ChainId}, Ethereum chain ids " +
                    $"{Protocol.Chain.Transactions.EthChainId.Of(t.Plan.Testnet.ChainId, 0)} + shard");
                stdout.WriteLine($"JSON-RPC: {web}/rpc/0 ... {web}/rpc/{t.Plan.Shards - 1} ({web}/ is shard 0); dashboard: {web}/");
                if (t.Plan.Testnet.Faucet is { } faucet)
                    stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"Faucet: hmy_faucet [address, amount?] pays {faucet.Amount} ONE (at most {faucet.MaxAmount}) from {Simulation.Testnet.FaucetAccount.Of(t.Plan.Seed)}"));
                stdout.WriteLine($"Journal: {t.Journal.Location}. Ctrl-C stops.");
            },
        };
        try
        {
            var outcome = await runner.RunAsync(t.Plan, cancellation: stop.Token);
            // Senders still waiting are answered before the folder is written (Stop is idempotent: the finally repeats it).
            input.Stop();
            RunFolder.Write(target, outcome, File.ReadAllText(t.Path), System.IO.Path.GetFileName(t.Path));
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Stopped after {outcome.Report.SimulatedSeconds:0.#} s; heights {string.Join(", ", outcome.Report.Shards.Select(x => $"shard {x.Id}: {x.Height}"))}; run folder {target}"));
            return ExitCodes.Passed;
        }
        catch (OperationCanceledException) when (stop.Token.IsCancellationRequested)
        {
            stderr.WriteLine($"Stopped by {StopSignals.Name(stop.Signal)} before the network started.");
            return ExitCodes.Passed;
        }
        catch (JournalException e)
        {
            stderr.WriteLine($"{t.Journal.Location}: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (JournalStorageException e)
        {
            // The senders waiting on this step were not answered: what they sent is in no journal, and they are told so (finally).
            stderr.WriteLine($"Stopped: {e.Message}");
            return ExitCodes.Unavailable;
        }
        finally
        {
            input.Stop();
        }
    }
}
