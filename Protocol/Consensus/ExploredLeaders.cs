using HarmonySim.Protocol.Crypto;
using HarmonySim.Protocol.Numeric;

namespace HarmonySim.Protocol.Consensus;

/// <summary>
/// A leader schedule chosen by an explorer rather than by Harmony's rotation, as Twins (Bano et al., 2022) chooses each
/// round's leader: for a share of views, the leader after a view change is one of the given (byzantine) keys, picked by
/// a hash of (seed, height, view). Safety may not depend on who leads, so an explored schedule only reaches orders of
/// leaders that rotation makes rare — a byzantine node leading twice at one height, as the view-change lock must
/// withstand. Every node of a run holds the same schedule, so they agree on each view's leader — except around
/// <c>Until</c> (the explorer's heal), which each node judges by its own clock: a NEWVIEW an explored leader sends just
/// before it may reach a node just after, which expects the rotation's leader and refuses it (a view change more, never
/// a safety question). From then on the rotation leads again, so liveness is judged under Harmony's own schedule.
/// Internal: only the
/// kernel's campaigns set one, never a scenario, a JSON plan or the command line.
/// </summary>
internal sealed record ExploredLeaders(ulong Seed, IReadOnlyList<PublicKey> Keys, double Share, TimeSpan Until)
{
    /// <summary>
    /// Byzantine keys for which leading matters most (those that carry stale certificates): half the heights draw their
    /// byzantine leader from these when there are any, so one such node leads twice at a height far more often.
    /// </summary>
    public IReadOnlyList<PublicKey> Favoured { get; init; } = [];

    /// <summary>The explored leader of <paramref name="viewId"/> at <paramref name="height"/>, or null to follow the rotation.</summary>
    public PublicKey? Pick(Committee committee, ulong height, ulong viewId, TimeSpan now)
    {
        if (Keys.Count == 0 || now >= Until) return null;
        var atHeight = Mix(Mix(Seed ^ 0x5EED) ^ height);
        if (!Explored(atHeight, viewId)) return null;
        // One byzantine node per height: the one that hid a certificate at the height is the one that leads again.
        var pool = Favoured.Count > 0 && (atHeight & 2) != 0 ? Favoured : Keys;
        var key = pool[(int)((atHeight >> 8) % (ulong)pool.Count)];
        return committee.IndexOf(key) >= 0 ? key : null;
    }

    /// <summary>
    /// Whether the explorer picks this view's leader. With a share strictly between 0 and 1, half the heights alternate
    /// (byzantine, rotation, byzantine, … by the view's parity), the order the view-change lock exists for — a byzantine
    /// leader, an honest one that gets a block prepared, the same byzantine leader again; the other heights draw each
    /// view with <see cref="Share"/>. At ½ (the campaigns' default) that is still half the views overall.
    /// </summary>
    private bool Explored(ulong atHeight, ulong viewId)
    {
        if (Share <= 0 || Share >= 1) return Share >= 1;
        if ((atHeight & 1) != 0) return ((viewId ^ (atHeight >> 2)) & 1) == 0;
        var draw = Mix(Mix(Mix(Seed) ^ (atHeight >> 1)) ^ viewId);
        return SplitMix64.Unit(draw) < Share;
    }

    // SplitMix64's step on a value: a fixed, well-mixed function of its input (no state, no randomness source).
    private static ulong Mix(ulong value) => SplitMix64.Next(ref value);
}
