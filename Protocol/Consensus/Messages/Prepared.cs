using System.Buffers;
using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Crypto;

namespace HarmonySim.Protocol.Consensus.Messages;

/// <summary>PREPARED: the leader's proof of prepare quorum (aggregate over the block hash plus bitmap), with the block.</summary>
public sealed class Prepared(uint shardId, ulong viewId, ulong blockNumber, Block block, Signature aggregate, SignerBitmap bitmap, PublicKey sender, Signature envelopeSignature)
    : SignedFbftMessage(shardId, viewId, blockNumber, sender, envelopeSignature)
{
    public override MessageType Type => MessageType.Prepared;
    public Block Block { get; } = block;
    public Hash32 BlockHash => Block.Hash;
    public Signature Aggregate { get; } = aggregate;
    public SignerBitmap Bitmap { get; } = bitmap;

    protected override void AppendContent(ArrayBufferWriter<byte> buffer)
    {
        Append(buffer, BlockHash);
        buffer.Write(Aggregate.Bytes);
        AppendWithLength(buffer, Bitmap.ToBytes());
        buffer.Write(Sender.Bytes);
    }
}
