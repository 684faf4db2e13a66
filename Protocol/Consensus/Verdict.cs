namespace HarmonySim.Protocol.Consensus;

/// <summary>What a node did with an input: accepted it, kept it for later, or dropped it and why.</summary>
public enum Verdict
{
    Accepted,
    Buffered,
    WrongShard,
    StaleView,
    WrongView,
    WrongLeader,
    UnknownSender,
    BadSignature,
    BadBitmap,
    NoQuorum,
    OutOfWindow,
    Duplicate,
    InvalidBlock,
    NotForThisRole,
    NotInThisMode,
    Equivocation,
    MixedOwners,
    Stale,
    UnknownBlock,
    MissingPreparedBlock,
    Locked,
}
