using System.Buffers;
using HarmonySim.Protocol.Crypto;

namespace HarmonySim.Protocol.Consensus.Messages;

/// <summary>COMMITTED: the leader's proof of commit quorum (aggregate over the commit payload plus bitmap).</summary>
public sealed class Committed(uint shardId, ulong viewId, ulong blockNumber, Hash32 blockHash, Signature aggregate, SignerBitmap bitmap, PublicKey sender, Signature envelopeSignature)
    : SignedFbftMessage(shardId, viewId, blockNumber, sender, envelopeSignature)
{
    public override MessageType Type => MessageType.Committed;
    public Hash32 BlockHash { get; } = blockHash;
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
