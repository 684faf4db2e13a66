namespace HarmonySim.Silo.Reports.Streaming;

/// <summary>
/// A shard's commits and view changes seen from one adversary's window (per-adversary verdicts): the view changes
/// inside it, the longest time without a commit that overlaps it, and the first commit at or after its end. Constant
/// memory, folded as the shard's records stream in (commits and view changes arrive in time order per shard).
/// </summary>
public sealed class WindowTally(TimeSpan from, TimeSpan? until)
{
    private TimeSpan? _lastCommit;

    public TimeSpan From => from;
    public TimeSpan? Until => until;

    /// <summary>Completed view changes (an honest node entered a new view) inside the window.</summary>
    public long ViewChanges { get; private set; }

    /// <summary>Commits inside the window.</summary>
    public long Commits { get; private set; }

    /// <summary>The longest gap between two commits (or the start of the run and a commit) that overlaps the window; the run's end closes the last.</summary>
    public TimeSpan LongestStall { get; private set; }

    /// <summary>The first commit at or after the window's end; null while none (or for a window open to the end of the run).</summary>
    public TimeSpan? FirstCommitAfter { get; private set; }

    public void ViewChange(TimeSpan at)
    {
        if (at >= from && (until is not { } end || at < end)) ViewChanges++;
    }

    public void Commit(TimeSpan at)
    {
        Stall(_lastCommit ?? TimeSpan.Zero, at);
        _lastCommit = at;
        if (at >= from && (until is not { } end || at < end)) Commits++;
        if (until is { } stop && at >= stop) FirstCommitAfter ??= at;
    }

    /// <summary>Closes the last gap at the end of the run.</summary>
    public void Finish(TimeSpan simulatedTime) => Stall(_lastCommit ?? TimeSpan.Zero, simulatedTime);

    private void Stall(TimeSpan start, TimeSpan end)
    {
        if (end < from || until is { } stop && start > stop) return;
        if (end - start > LongestStall) LongestStall = end - start;
    }
}
