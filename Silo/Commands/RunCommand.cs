using System.CommandLine;
using System.Globalization;
using HarmonySim.Silo.Reports;
using HarmonySim.Silo.Runs;
using HarmonySim.Silo.Scenarios;

namespace HarmonySim.Silo.Commands;

/// <summary>
/// <c>harmonysim run SCENARIO [--seed N] [--out DIR] [--speed max|1x|Nx] [--silos N]</c>: runs a scenario on
/// embedded silos with a progress display and writes the run folder. Exit 0 when every check passed, 1 when a
/// check failed, 2 on bad input (nothing runs then).
/// </summary>
public static class RunCommand
{
    public static Command Build()
    {
        var scenario = new Argument<string>("scenario") { Description = "Scenario YAML file (a path, or a bundled scenario's name such as quickstart)." };
        var seed = new Option<ulong?>("--seed") { Description = "Override the scenario's seed." };
        var output = new Option<string>("--out") { Description = "Folder that receives the run folder (default: runs)." , DefaultValueFactory = _ => "runs" };
        var speed = new Option<string>("--speed") { Description = "max (as fast as possible), 1x (real time) or Nx (N times real time).", DefaultValueFactory = _ => "max" };
        var silos = new Option<int>("--silos") { Description = "Number of in-process silos to spread the run over.", DefaultValueFactory = _ => 1 };
        var command = new Command("run", "Run one scenario on an embedded silo and write the run folder.") { scenario, seed, output, speed, silos };
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
            if (!TryParseSpeed(parse.GetValue(speed)!, out var factor))
            {
                stderr.WriteLine($"--speed: expected max, 1x or a multiple such as 10x, got '{parse.GetValue(speed)}'");
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
                var runSeed = parse.GetValue(seed) ?? s.Seed;
                plan = RunPlanBuilder.Build(s, $"{s.Name}-{runSeed}", runSeed);
            }
            catch (ScenarioNotRunnableException e)
            {
                foreach (var reason in e.Reasons) stderr.WriteLine($"{path}: {reason}");
                return HarmonySimCommand.BadInput;
            }

            stdout.WriteLine(ValidateCommand.Summary(path, s));
            var runner = new Runner(silosWanted) { Speed = factor };
            var display = new ProgressDisplay(stdout, ProgressDisplay.IsInteractive && ReferenceEquals(stdout, Console.Out));
            var outcome = await display.Show($"{s.Name} (seed {plan.Seed})", progress => runner.RunAsync(plan, progress, cancellation));
            var folder = RunFolder.Write(RunFolder.NewPath(parse.GetValue(output)!, s.Name, DateTime.UtcNow), outcome, File.ReadAllText(path), Path.GetFileName(path));

            var report = outcome.Report;
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{(report.Passed ? "PASSED" : "FAILED")}: {report.SimulatedSeconds:0.#} s simulated in {report.WallSeconds:0.#} s; heights {string.Join(", ", report.Shards.Select(x => $"shard {x.Id}: {x.Height}"))}; digest {report.Digest}"));
            foreach (var check in report.Checks) stdout.WriteLine($"  {(check.Passed ? "pass" : "FAIL")}  {check.Name}: {check.Detail}");
            stdout.WriteLine($"Run folder: {folder}");
            return report.Passed ? 0 : 1;
        });
        return command;
    }

    /// <summary>"max" (no pacing) or "Nx": virtual time runs N times as fast as the wall clock.</summary>
    public static bool TryParseSpeed(string text, out double? factor)
    {
        factor = null;
        if (string.Equals(text, "max", StringComparison.OrdinalIgnoreCase)) return true;
        if (text.EndsWith('x') && double.TryParse(text[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var f) && f > 0)
        {
            factor = f;
            return true;
        }
        return false;
    }
}
