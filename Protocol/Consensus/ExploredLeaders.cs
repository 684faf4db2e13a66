using HarmonySim.Protocol.Crypto;

namespace HarmonySim.Protocol.Consensus;

/// <summary>
/// A leader schedule chosen by an explorer rather than by Harmony's rotation, as Twins (Bano et al., 2022) chooses each
/// round's leader: for a share of views, the leader after a view change is one of the given (byzantine) keys, picked by
/// a hash of (seed, height, view). Safety may not depend on who leads, so an explored schedule only reaches orders of
/// leaders that rotation makes rare — a byzantine node leading twice at one height, as the view-change lock must
/// withstand. Every node of a run holds the same schedule, so they agree on each view's leader; from
/// <c>Until</c> on (the explorer's heal) the rotation leads again, so liveness is judged under Harmony's own schedule.
/// Internal: only the
/// kernel's campaigns set one, never a scenario, a JSON plan or the command line.
/// </summary>
internal sealed record ExploredLeaders(ulong Seed, IReadOnlyList<PublicKey> Keys, double Share, TimeSpan Until)
{
    /// <summary>The explored leader of <paramref name="viewId"/> at <paramref name="height"/>, or null to follow the rotation.</summary>
    public PublicKey? Pick(Committee committee, ulong height, ulong viewId, TimeSpan now)
    {
        if (Keys.Count == 0 || now >= Until) return null;
        var draw = Mix(Mix(Mix(Seed) ^ height) ^ viewId);
        if ((draw >> 11) * (1.0 / (1UL << 53)) >= Share) return null;
        // One byzantine node per height: the one that hid a certificate at the height is the one that leads again.
        var key = Keys[(int)(Mix(Mix(Seed ^ 0x5EED) ^ height) % (ulong)Keys.Count)];
        return committee.IndexOf(key) >= 0 ? key : null;
    }

    // SplitMix64's finaliser: a fixed, well-mixed function of its input (no state, no randomness source).
    private static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
