using System.Buffers;
using HarmonySim.Protocol.Crypto;

namespace HarmonySim.Protocol.Consensus.Messages;

/// <summary>
/// NEWVIEW: the new leader's proof that a quorum moved to its view (M3 aggregate), the NIL votes (M2) and,
/// when any member had a prepared block, that block's certificate (M1), which validators then commit.
/// </summary>
public sealed class NewView(uint shardId, ulong viewId, ulong blockNumber, PreparedCertificate? m1,
    Signature? m2Aggregate, SignerBitmap m2Bitmap, Signature m3Aggregate, SignerBitmap m3Bitmap, PublicKey sender, Signature envelopeSignature)
    : SignedFbftMessage(shardId, viewId, blockNumber, sender, envelopeSignature)
{
    public override MessageType Type => MessageType.NewView;
    public PreparedCertificate? M1 { get; } = m1;
    public Signature? M2Aggregate { get; } = m2Aggregate;
    public SignerBitmap M2Bitmap { get; } = m2Bitmap;
    public Signature M3Aggregate { get; } = m3Aggregate;
    public SignerBitmap M3Bitmap { get; } = m3Bitmap;

    protected override void AppendContent(ArrayBufferWriter<byte> buffer)
    {
        AppendWithLength(buffer, M1 is null ? [] : M1.Payload);
        AppendWithLength(buffer, M2Aggregate is null ? [] : M2Aggregate.Bytes);
        AppendWithLength(buffer, M2Bitmap.ToBytes());
        buffer.Write(M3Aggregate.Bytes);
        AppendWithLength(buffer, M3Bitmap.ToBytes());
        buffer.Write(Sender.Bytes);
    }
}
