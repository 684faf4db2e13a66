using HarmonySim.Protocol.Consensus.Messages;

namespace HarmonySim.Simulation.Propagation;

/// <summary>
/// A shard's propagation tallies, under either model: each delivery's delay by message type, bytes each member sent
/// and received, copies and duplicates, and per ANNOUNCE the delay to two thirds of its receivers. Never part of the
/// digest (the digest covers what was delivered when, which already reflects the model).
/// </summary>
public sealed class PropagationStats(string model, int members)
{
    private readonly DelayHistogram?[] _byType = new DelayHistogram?[8];
    private readonly long[] _sent = new long[members];
    private readonly long[] _received = new long[members];
    private readonly DelayHistogram _announceTwoThirds = new();
    private readonly List<double> _announce = [];

    public long Copies { get; private set; }
    public long Duplicates { get; private set; }

    public void Delivered(MessageType type, double delayMs) => (_byType[(int)type] ??= new()).Add(delayMs);

    /// <summary>
    /// One copy of <paramref name="bytes"/> from member <paramref name="from"/> to member <paramref name="to"/>: the
    /// sender spent them; the receiver got them only if the copy <paramref name="arrived"/> (not lost or omitted).
    /// </summary>
    public void Copy(int from, int to, long bytes, bool arrived)
    {
        _sent[from] += bytes;
        if (arrived) _received[to] += bytes;
        Copies++;
    }

    /// <summary>The copies of a gossip route, <paramref name="uses"/> messages of <paramref name="bytes"/> each.</summary>
    public void Route(MeshRoute route, long bytes, long uses)
    {
        ArgumentNullException.ThrowIfNull(route);
        if (uses == 0) return;
        for (var m = 0; m < _sent.Length; m++)
        {
            _sent[m] += route.Sent[m] * bytes * uses;
            _received[m] += route.Received[m] * bytes * uses;
        }
        Copies += route.Transmissions * uses;
        Duplicates += route.Duplicates * uses;
    }

    /// <summary>The symbol copies of an IDA route, <paramref name="uses"/> messages; symbols beyond what decoding needed count as duplicates.</summary>
    public void Symbols(IdaRoute route, long symbolBytes, long uses)
    {
        ArgumentNullException.ThrowIfNull(route);
        if (uses == 0) return;
        for (var m = 0; m < _sent.Length; m++)
        {
            _sent[m] += route.Sent[m] * symbolBytes * uses;
            _received[m] += route.Received[m] * symbolBytes * uses;
        }
        Copies += route.Copies * uses;
        Duplicates += route.Surplus * uses;
    }

    /// <summary>Collects one ANNOUNCE's delays at its receivers (between <see cref="BeginAnnounce"/> and <see cref="EndAnnounce"/>).</summary>
    public void BeginAnnounce() => _announce.Clear();

    public void AnnounceAt(double delayMs) => _announce.Add(delayMs);

    /// <summary>The delay by which two thirds of the <paramref name="receivers"/> had the ANNOUNCE (never, if fewer got it).</summary>
    public void EndAnnounce(int receivers)
    {
        var needed = (int)Math.Ceiling(receivers * 2 / 3.0);
        if (needed == 0 || _announce.Count < needed) return;
        _announce.Sort();
        _announceTwoThirds.Add(_announce[needed - 1]);
    }

    public PropagationResult Result(TimeSpan elapsed)
    {
        var seconds = Math.Max(elapsed.TotalSeconds, 1e-9);
        var delays = Enum.GetValues<MessageType>().Where(t => _byType[(int)t] is { Count: > 0 })
            .Select(t => new MessageDelay(t.ToString().ToUpperInvariant(), _byType[(int)t]!.Count, _byType[(int)t]!.Percentile(50), _byType[(int)t]!.Percentile(99)))
            .ToList();
        var announce = _byType[(int)MessageType.Announce];
        // The fraction of ANNOUNCE receipts made by each delay: 20 points, every 5 % of receipts.
        var reach = announce is null ? [] : Enumerable.Range(1, 20).Select(i => new ReachPoint(announce.AtRank((long)Math.Ceiling(i / 20.0 * announce.Count)), i / 20.0)).ToList();
        return new PropagationResult(model, delays,
            Math.Round(_sent.DefaultIfEmpty().Average() / seconds, 1), Math.Round(_sent.DefaultIfEmpty().Max() / seconds, 1),
            Math.Round(_received.DefaultIfEmpty().Average() / seconds, 1), Math.Round(_received.DefaultIfEmpty().Max() / seconds, 1),
            Copies, Duplicates, _announceTwoThirds.Percentile(50), _announceTwoThirds.Percentile(99), reach);
    }
}
