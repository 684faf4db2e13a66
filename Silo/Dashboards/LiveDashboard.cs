using HarmonySim.Dashboard.Model;
using HarmonySim.Grains.Interfaces.Runs;
using HarmonySim.Silo.Runs;
using HarmonySim.Simulation.Results;
using HarmonySim.Simulation.Runs;

namespace HarmonySim.Silo.Dashboards;

/// <summary>Feeds a live run's steps into the dashboard's <see cref="RunView"/>: blocks, log lines, load counts, time reached.</summary>
public sealed class LiveDashboard(RunView view) : IRunWatcher
{
    // Wall time only reaches the page (as the run's speed), never the run or its log.
    private readonly System.Diagnostics.Stopwatch _wall = System.Diagnostics.Stopwatch.StartNew();

    public void Stepped(RunProgress progress, IReadOnlyList<ShardRecords> records)
    {
        ArgumentNullException.ThrowIfNull(progress);
        ArgumentNullException.ThrowIfNull(records);
        foreach (var r in records)
        {
            var keys = view.Info.Committees[r.Shard].Keys;
            foreach (var c in r.Commits)
                view.AddBlock(r.Shard, new BlockView(c.Height, c.CommittedAt.TotalSeconds, c.ViewId, c.Signers, Math.Max(0, keys - c.Signers), c.LeaderNode,
                    c.ProposedAt.TotalSeconds, c.PreparedAt?.TotalSeconds, c.SigningPower));
            foreach (var e in r.Events) view.AddEvent(e);
            if (r.Transactions is { } load)
                foreach (var b in load.Blocks) view.AddTransactions(r.Shard, b.CommittedAt.TotalSeconds, b.LoadTransactions);
        }
        view.Advance(progress.Now.TotalSeconds, _wall.Elapsed.TotalSeconds);
    }

    public void Finished(TimeSpan simulatedTime, string digest, bool interrupted) => view.Finish(simulatedTime.TotalSeconds, digest, interrupted);
}
