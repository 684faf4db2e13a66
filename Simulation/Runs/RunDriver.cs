namespace HarmonySim.Simulation.Runs;

/// <summary>
/// The conservative window protocol that keeps shards in step. Shards advance together in windows no longer than
/// the lookahead (the smallest delay of a message between shards), so no shard is ever further ahead of another than
/// a message between them could travel, and every cross-shard message arrives in a later window than the one that
/// sent it. A window starts at the earliest pending event of any shard, so idle stretches cost nothing. Messages are
/// handed to their shard in (arrival, sending shard, sequence) order, whatever order the shards finished in.
/// </summary>
public sealed class RunDriver(IReadOnlyList<IShardHandle> shards, TimeSpan lookahead, TimeSpan duration)
{
    private TimeSpan _nextEvent;

    public TimeSpan Now { get; private set; }

    /// <summary>The end of the next window: from the later of now and the earliest pending event, one lookahead long (less a tick), capped at <paramref name="until"/>.</summary>
    public static TimeSpan WindowEnd(TimeSpan now, TimeSpan nextEvent, TimeSpan until, TimeSpan lookahead)
    {
        var start = nextEvent > now ? nextEvent : now;
        // With nothing pending anywhere the window runs to the end (no TimeSpan arithmetic near MaxValue).
        return start >= until || until - start <= lookahead - TimeSpan.FromTicks(1) ? until : start + lookahead - TimeSpan.FromTicks(1);
    }

    /// <summary>Advances every shard to <paramref name="until"/> (capped at the run's duration), window by window.</summary>
    public async Task<IReadOnlyList<ShardProgress>> AdvanceTo(TimeSpan until)
    {
        if (until > duration) until = duration;
        ShardProgress[] progress = [];
        do
        {
            var next = WindowEnd(Now, _nextEvent, until, lookahead);
            progress = await Task.WhenAll(shards.Select(s => s.AdvanceTo(next))).ConfigureAwait(false);
            Now = next;
            _nextEvent = progress.Min(p => p.NextEventAt);
            var sent = progress.SelectMany(p => p.Outbox).ToList();
            if (sent.Count > 0)
            {
                await Task.WhenAll(sent.GroupBy(m => m.ToShard).Select(g =>
                    shards[g.Key].Deliver([.. g.OrderBy(m => m.At).ThenBy(m => m.FromShard).ThenBy(m => m.Seq)]))).ConfigureAwait(false);
                var earliest = sent.Min(m => m.At);
                if (earliest < _nextEvent) _nextEvent = earliest;
            }
        }
        while (Now < until);
        if (progress.Length == 0) progress = await Task.WhenAll(shards.Select(s => s.AdvanceTo(Now))).ConfigureAwait(false);
        return progress;
    }
}
