namespace HarmonySim.Protocol.Consensus.Mutants;

/// <summary>
/// A safety rule deliberately broken, so a test can prove that a campaign notices (a mutation check). Internal on
/// purpose: only the kernel and the test assemblies can set one (InternalsVisibleTo), never a scenario file, a run plan
/// read from JSON or the command line, so no user run can carry a planted bug.
/// </summary>
internal enum PlantedBug
{
    None,

    /// <summary>Quorum lowered to one half: at least ⌈n/2⌉ signers by count, at least half the power by voting power.</summary>
    HalfQuorum,

    /// <summary>The view-change lock removed: <c>IsLockedAgainst</c> is always false, so a node commits an older carried block.</summary>
    NoViewChangeLock,

    /// <summary>
    /// The prepared block need not survive a view change: validators accept a NEWVIEW without M1 when M3 is not a
    /// subset of M2, and (so that honest leaders reach it) a new leader ignores the M1s it collected.
    /// </summary>
    M1NotRequired,
}
