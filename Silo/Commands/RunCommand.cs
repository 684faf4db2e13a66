using System.CommandLine;
using System.Globalization;
using HarmonySim.Silo.Dashboards;
using HarmonySim.Silo.Reports;
using HarmonySim.Silo.Reports.Streaming;
using HarmonySim.Silo.Runs;
using HarmonySim.Silo.Scenarios;

namespace HarmonySim.Silo.Commands;

/// <summary>
/// <c>harmonysim run SCENARIO [--seed N] [--out DIR] [--speed max|1x|Nx] [--silos N] [--force] [--dashboard[=PORT]]</c>: runs a scenario on
/// embedded silos with a progress display and writes the run folder. Exit codes: see <see cref="ExitCodes"/>; bad
/// input (including an unwritable --out, and a run estimated not to fit this machine unless --force) is found before anything runs, and SIGINT/SIGTERM stop the run between
/// steps and still write its folder, marked interrupted.
/// </summary>
public static class RunCommand
{
    public static Command Build()
    {
        var scenario = new Argument<string>("scenario") { Description = "Scenario YAML file (a path, or a bundled scenario's name such as quickstart)." };
        // Read as text so a bad value gets this command's own message, not the parser's type name.
        var seed = new Option<string?>("--seed") { Description = "Override the scenario's seed (a whole number, 0 to 18446744073709551615)." };
        var output = new Option<string>("--out") { Description = "Folder that receives the run folder (default: runs)." , DefaultValueFactory = _ => "runs" };
        var speed = new Option<string>("--speed") { Description = "max (as fast as possible), 1x (real time) or Nx (N times real time).", DefaultValueFactory = _ => "max" };
        var silos = new Option<int>("--silos") { Description = "Number of in-process silos to spread the run over.", DefaultValueFactory = _ => 1 };
        var force = new Option<bool>("--force") { Description = ForceDescription };
        var dashboard = new Option<string?>("--dashboard")
        {
            Description = $"Serve the live dashboard (pages at /, Prometheus metrics at /metrics, Orleans at /orleans) on 127.0.0.1:PORT " +
                $"(default {DefaultDashboardPort}; 0 picks a free port) while the run goes; the run's speed defaults to 1x then.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var cluster = new Option<bool>("--cluster") { Description = ClusterRun.Description };
        var command = new Command("run", "Run one scenario on an embedded silo (or, with --cluster, on the configured cluster) and write the run folder.\n" + ExitCodes.Help)
        {
            scenario, seed, output, speed, silos, force, dashboard, cluster,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            var path = ScenarioFolder.Resolve(parse.GetValue(scenario)!);
            var loaded = ScenarioLoader.LoadFile(path);
            if (loaded.Scenario is not { } s)
            {
                foreach (var e in loaded.Errors) stderr.WriteLine(e.ToString());
                stderr.WriteLine($"{path}: the scenario is not valid; nothing ran.");
                return HarmonySimCommand.BadInput;
            }
            if (s.IsTestnet)
            {
                stderr.WriteLine($"{path}: genesis: a testnet config; start it with harmonysim testnet {path}");
                return HarmonySimCommand.BadInput;
            }
            // Warnings do not stop the run: an incoherent setting may be exactly what is being studied.
            foreach (var w in loaded.Warnings) stderr.WriteLine(w.ToString());
            ulong? seedWanted = null;
            if (parse.GetValue(seed) is { } seedText)
            {
                if (!ulong.TryParse(seedText, NumberStyles.None, CultureInfo.InvariantCulture, out var parsedSeed))
                {
                    stderr.WriteLine($"--seed: expected a whole number from 0 to {ulong.MaxValue}, got '{ScenarioValues.Echo(seedText)}'");
                    return HarmonySimCommand.BadInput;
                }
                seedWanted = parsedSeed;
            }
            int? dashboardPort = null;
            if (parse.GetResult(dashboard) is not null)
            {
                var portText = parse.GetValue(dashboard);
                if (portText is null) dashboardPort = DefaultDashboardPort;
                else if (int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p <= 65535) dashboardPort = p;
                else
                {
                    stderr.WriteLine($"--dashboard: expected a port from 0 to 65535, got '{ScenarioValues.Echo(portText)}'");
                    return HarmonySimCommand.BadInput;
                }
            }
            // Watching a run that ends before the page has loaded shows nothing: with the dashboard, real time unless asked.
            var speedText = dashboardPort is not null && parse.GetResult(speed) is null or { Implicit: true } ? "1x" : parse.GetValue(speed)!;
            if (!TryParseSpeed(speedText, out var factor))
            {
                stderr.WriteLine($"--speed: expected max, 1x or a multiple from {MinSpeed}x to {MaxSpeed}x such as 10x, got '{ScenarioValues.Echo(parse.GetValue(speed)!)}'");
                return HarmonySimCommand.BadInput;
            }
            var silosWanted = parse.GetValue(silos);
            if (silosWanted is < 1 or > 16)
            {
                stderr.WriteLine($"--silos: between 1 and 16, got {silosWanted}");
                return HarmonySimCommand.BadInput;
            }
            Simulation.Plans.RunPlan plan;
            try
            {
                var runSeed = seedWanted ?? s.Seed;
                plan = RunPlanBuilder.Build(s, $"{s.Name}-{runSeed}", runSeed);
            }
            catch (ScenarioNotRunnableException e)
            {
                foreach (var reason in e.Reasons) stderr.WriteLine($"{path}: {reason}");
                return HarmonySimCommand.BadInput;
            }

            var root = parse.GetValue(output)!;
            if (OutputFolder.Prepare(root) is { } why)
            {
                stderr.WriteLine($"--out: cannot write to '{root}': {why}; nothing ran.");
                return HarmonySimCommand.BadInput;
            }
            if (RunLimitCheck.Stops(stderr, path, RunLimitCheck.Refusals(RunEstimate.Of(plan), MachineLimits.Read(root)), parse.GetValue(force)))
            {
                stderr.WriteLine($"{path}: the run does not fit this machine; nothing ran.");
                return HarmonySimCommand.BadInput;
            }

            var listen = dashboardPort is { } webPort ? new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, webPort) : null;
            if (listen is { Port: > 0 } && Cluster.PortCheck.Taken(listen.Address, listen.Port, "--dashboard") is { } taken)
            {
                stderr.WriteLine($"{taken}; nothing ran (--dashboard=0 picks a free port).");
                return ExitCodes.Unavailable;
            }
            var onCluster = parse.GetValue(cluster);
            if (onCluster && parse.GetResult(silos) is { Implicit: false })
            {
                stderr.WriteLine("--silos: not with --cluster (the cluster's silos are the ones running); nothing ran.");
                return HarmonySimCommand.BadInput;
            }
            if (onCluster && listen is not null)
            {
                // The dashboard is served by the silo a local run embeds; a cluster run has none in this process.
                stderr.WriteLine("--dashboard: not with --cluster (the dashboard is served by a local run's own silo); nothing ran.");
                return HarmonySimCommand.BadInput;
            }
            var (connection, connectExit) = onCluster ? await ClusterRun.Connect(stderr, cancellation) : (null, ExitCodes.Passed);
            await using var connected = connection;
            if (onCluster && connection is null) return connectExit;
            if (onCluster) plan = ClusterRun.Unique(plan, DateTime.UtcNow);

            stdout.WriteLine(ValidateCommand.Summary(path, s));
            var target = RunFolder.NewPath(root, s.Name, DateTime.UtcNow);
            using var stop = new StopSignals(cancellation);
            // The event log and blocks.csv stream into the run folder as the run goes, so a long run holds neither in memory.
            using var streamed = RunOutput.InFolder(target);
            try
            {
                using var watch = RunWatch.For(plan, factor, listen, stdout);
                Func<Action<Simulation.Runs.RunProgress>, Task<RunOutcome>> run = connection is { } c
                    ? progress => new ClusterRunner(c.Client) { Speed = factor, Output = streamed, Log = stderr }.RunAsync(plan, progress, stop.Token)
                    : progress => new Runner(silosWanted) { Speed = factor, Output = streamed, Control = watch.Control, Watchers = watch.Watchers, Extras = watch.Extras, Started = watch.Started }
                        .RunAsync(plan, progress, stop.Token);
                var display = new ProgressDisplay(stdout, ProgressDisplay.IsInteractive && ReferenceEquals(stdout, Console.Out));
                RunOutcome outcome;
                try
                {
                    outcome = await display.Show($"{s.Name} (seed {plan.Seed})", run);
                }
                catch (OperationCanceledException) when (stop.Token.IsCancellationRequested)
                {
                    // Stopped while the silos were starting: there is no run yet, so nothing to write.
                    stderr.WriteLine($"Interrupted by {StopSignals.Name(stop.Signal)} before the run started; nothing written.");
                    streamed.Dispose();
                    Directory.Delete(target, recursive: true);
                    return stop.ExitCode;
                }
                RunFolder.Write(target, outcome, File.ReadAllText(path), Path.GetFileName(path));
                var code = Summarize(stdout, outcome.Report, target, stop);
                if (listen is not null) stdout.WriteLine($"See it again: harmonysim dashboard {target}");
                return code;
            }
            catch (Cluster.ClusterUnavailableException e)
            {
                stderr.WriteLine($"harmonysim run: {e.Message}; the records of the steps done so far are in {target}.");
                return ExitCodes.Unavailable;
            }
            catch (Exception e) when (e is not OperationCanceledException || !stop.Token.IsCancellationRequested)
            {
                // A bug, not bad input: one line on the terminal, the stack trace where the run's files go.
                // The run folder exists from the start (the logs stream into it), so the trace goes beside them.
                var log = ErrorLog.Write(Directory.Exists(target) ? target : root, e);
                stderr.WriteLine(ErrorLog.Line(e, log));
                return ExitCodes.InternalError;
            }
        });
        return command;
    }

    /// <summary>Prints the outcome and picks the exit code: interrupted (130/143), 0 passed, 1 a check failed.</summary>
    private static int Summarize(TextWriter stdout, RunReport report, string folder, StopSignals stop)
    {
        if (report.Interrupted)
        {
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"INTERRUPTED by {StopSignals.Name(stop.Signal)} after {report.SimulatedSeconds:0.#} s simulated; partial run folder: {folder}"));
            return stop.ExitCode;
        }
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{(report.Passed ? "PASSED" : "FAILED")}: {report.SimulatedSeconds:0.#} s simulated in {report.WallSeconds:0.#} s; heights {string.Join(", ", report.Shards.Select(x => $"shard {x.Id}: {x.Height}"))}; digest {report.Digest}"));
        foreach (var check in report.Checks) stdout.WriteLine($"  {(check.Passed ? "pass" : "FAIL")}  {check.Name}: {check.Detail}");
        stdout.WriteLine($"Run folder: {folder}");
        return report.Passed ? ExitCodes.Passed : ExitCodes.CheckFailed;
    }

    /// <summary>What --force does, for the --help of run and validate.</summary>
    public const string ForceDescription =
        "Run (or pass) a scenario whose estimated memory, output size or wall time exceeds this machine's limits " +
        "(available memory, free disk on the output drive, 7 days); without it such a scenario is refused with exit 2.";

    /// <summary>The dashboard's port when --dashboard names none (the port the container image serves, infra/bicep).</summary>
    public const int DefaultDashboardPort = 8080;

    private const double MinSpeed = 0.001;
    private const double MaxSpeed = 1_000_000;

    /// <summary>"max" (no pacing) or "Nx": virtual time runs N times as fast as the wall clock.</summary>
    public static bool TryParseSpeed(string text, out double? factor)
    {
        factor = null;
        if (string.Equals(text, "max", StringComparison.OrdinalIgnoreCase)) return true;
        // Pacing divides virtual time by the factor: a tiny one would ask for a wait longer than any timer allows.
        if (text.EndsWith('x') && double.TryParse(text[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var f) && f is >= MinSpeed and <= MaxSpeed)
        {
            factor = f;
            return true;
        }
        return false;
    }
}
