using System.CommandLine;
using System.Globalization;
using HarmonySim.Grains.Interfaces.Runs;
using HarmonySim.Silo.Cluster;

namespace HarmonySim.Silo.Commands;

/// <summary>
/// <c>harmonysim runs [Section:Key=value ...]</c>: lists the durable runs the configured cluster holds, newest first,
/// with their state and progress at their last checkpoint. Exit 0 listed, 2 bad settings, 4 storage or cluster unreachable.
/// </summary>
public static class RunsCommand
{
    public static Command Build()
    {
        var command = new Command("runs",
            "List the runs submitted to the configured cluster (run --cluster) with their state (running, finished, interrupted) and progress " +
            "at their last checkpoint. Settings as for 'harmonysim silo'.\n" +
            "Exit codes: 0 listed, 2 bad settings, 4 storage or cluster unreachable.");
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (parse, cancellation) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            var opened = await ClusterConnection.Open(parse.UnmatchedTokens, cancellation);
            if (opened.Client is not { } connection)
            {
                stderr.WriteLine($"harmonysim runs: {opened.Error}");
                return opened.ExitCode;
            }
            await using (connection)
            {
                IReadOnlyList<RunSummary> runs;
                try
                {
                    runs = await connection.Client.GetGrain<IRunIndexGrain>(IRunIndexGrain.Key).List();
                }
                catch (Exception e) when (e is TimeoutException or Orleans.Runtime.OrleansException || e.GetBaseException() is Azure.RequestFailedException)
                {
                    stderr.WriteLine($"harmonysim runs: the cluster did not answer: {e.GetBaseException().Message.ReplaceLineEndings(" ")}");
                    return ExitCodes.Unavailable;
                }
                Print(stdout, runs, DateTime.UtcNow);
                return ExitCodes.Passed;
            }
        });
        return command;
    }

    public static void Print(TextWriter stdout, IReadOnlyList<RunSummary> runs, DateTime now)
    {
        if (runs.Count == 0)
        {
            stdout.WriteLine("No runs in this cluster.");
            return;
        }
        stdout.WriteLine($"{"RUN",-48} {"STATE",-11} {"PROGRESS",-22} {"STEPS",6} {"RESUMES",7}  LAST CHECKPOINT");
        foreach (var r in runs)
        {
            var share = r.Duration > TimeSpan.Zero ? r.Simulated / r.Duration : 1;
            // A run measured in blocks or epochs finishes before its time limit: its share of the limit means nothing then.
            var progress = r.State == RunState.Running
                ? string.Create(CultureInfo.InvariantCulture, $"{r.Simulated.TotalSeconds:0.#}/{r.Duration.TotalSeconds:0.#} s ({share:0%})")
                : string.Create(CultureInfo.InvariantCulture, $"{r.Simulated.TotalSeconds:0.#} s simulated");
            var age = now - r.UpdatedUtc;
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{r.RunId,-48} {r.State.ToString().ToLowerInvariant(),-11} {progress,-22} {r.StepsCheckpointed,6} {r.Resumes,7}  {r.UpdatedUtc:yyyy-MM-ddTHH:mm:ssZ} ({Ago(age)})"));
        }
    }

    private static string Ago(TimeSpan age) => age.TotalSeconds < 90
        ? string.Create(CultureInfo.InvariantCulture, $"{Math.Max(0, age.TotalSeconds):0} s ago")
        : age.TotalMinutes < 90 ? string.Create(CultureInfo.InvariantCulture, $"{age.TotalMinutes:0} min ago")
        : string.Create(CultureInfo.InvariantCulture, $"{age.TotalHours:0} h ago");
}
