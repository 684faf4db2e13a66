using HarmonySim.Silo.Cluster;
using HarmonySim.Simulation.Plans;

namespace HarmonySim.Silo.Commands;

/// <summary><c>run --cluster</c>: what differs from an embedded run before it starts (connecting, the run's id).</summary>
internal static class ClusterRun
{
    public const string Description =
        "Submit the run to the configured cluster (the settings of 'harmonysim silo', from appsettings.json and environment " +
        "variables) as a durable run, follow it, and write the same run folder; a lost silo costs a resume, not the run. " +
        "Exit 4 when storage or the cluster cannot be reached.";

    /// <summary>Connects, or writes one line and returns no client with the exit code (2 bad settings, 4 unreachable).</summary>
    public static async Task<(ClusterClient? Client, int Exit)> Connect(TextWriter stderr, CancellationToken cancellation)
    {
        var opened = await ClusterConnection.Open([], cancellation);
        if (opened.Client is null) stderr.WriteLine($"harmonysim run --cluster: {opened.Error}; nothing ran.");
        return (opened.Client, opened.ExitCode);
    }

    /// <summary>A cluster keeps every run it was given, so each submission gets an id of its own; the id never enters the digest.</summary>
    public static RunPlan Unique(RunPlan plan, DateTime utc) =>
        plan with { RunId = $"{plan.RunId}-{utc:yyyyMMdd'T'HHmmss'Z'}-{Guid.NewGuid().ToString("N")[..6]}" };
}
