using HarmonySim.Protocol.Chain.Transactions;
using HarmonySim.Protocol.Crypto;
using HarmonySim.Simulation.Results;

namespace HarmonySim.Simulation.Adversaries;

/// <summary>
/// A shard's account of censorship: every transaction a censoring leader left out of a block it built (with when it
/// first did), and, as canonical blocks include them later, how long each waited from that first omission to the
/// proposal of the block that took it: the latency the censor added. One per shard network; its hosts build in turn.
/// </summary>
public sealed class ShardCensorship
{
    private readonly Dictionary<Hash32, TimeSpan> _firstOmitted = [];
    private readonly HashSet<Hash32> _included = [];
    private long _omissions;
    private TimeSpan _delaySum;
    private TimeSpan _delayMax;

    /// <summary>A censoring leader building at <paramref name="now"/> left <paramref name="tx"/> out.</summary>
    public void Omitted(Hash32 tx, TimeSpan now)
    {
        _omissions++;
        _firstOmitted.TryAdd(tx, now);
    }

    /// <summary>A canonical block proposed at <paramref name="proposedAt"/> included <paramref name="transfers"/>.</summary>
    public void Included(TimeSpan proposedAt, IReadOnlyList<SignedTransfer> transfers)
    {
        ArgumentNullException.ThrowIfNull(transfers);
        if (_firstOmitted.Count == 0) return;
        foreach (var tx in transfers)
        {
            if (!_firstOmitted.TryGetValue(tx.Hash, out var first) || !_included.Add(tx.Hash)) continue;
            var delay = proposedAt > first ? proposedAt - first : TimeSpan.Zero;
            _delaySum += delay;
            if (delay > _delayMax) _delayMax = delay;
        }
    }

    public CensorshipResult Result() => new(_firstOmitted.Count, _omissions, _included.Count,
        _included.Count == 0 ? 0 : Math.Round(_delaySum.TotalSeconds / _included.Count, 6), Math.Round(_delayMax.TotalSeconds, 6));
}
