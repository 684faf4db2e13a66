namespace HarmonySim.Protocol.Consensus.Messages;

/// <summary>FBFT message types with Harmony's wire values (reference §1.2).</summary>
public enum MessageType : byte
{
    Announce = 1,
    Prepare = 2,
    Prepared = 3,
    Commit = 4,
    Committed = 5,
    ViewChange = 6,
    NewView = 7,
}
