using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Crypto;

namespace HarmonySim.Protocol.Consensus;

/// <summary>
/// A finalised block with the commit aggregate that proves it. <see cref="CommitViewId"/> is the view in
/// which COMMITTED was issued (the next height starts at that view + 1); null signature only for genesis.
/// </summary>
public sealed record CommittedBlock(Block Block, Signature? CommitSignature, SignerBitmap? CommitBitmap, ulong CommitViewId)
{
    public ulong Number => Block.Number;
    public Hash32 Hash => Block.Hash;
    public BlockHeader Header => Block.Header;

    public override string ToString() => $"{Block} committed in view {CommitViewId} by {CommitBitmap?.Count ?? 0} signers";

    public static CommittedBlock Genesis(Block genesis) => new(genesis, null, null, genesis.Header.ViewId);
}
