using System.Buffers;
using HarmonySim.Protocol.Crypto;

namespace HarmonySim.Protocol.Consensus.Messages;

/// <summary>
/// VIEWCHANGE from one key (never aggregated): M1 (a prepared certificate, signed) or M2 (a signature on NIL),
/// plus M3 (a signature on the new view ID), addressed to the expected new leader.
/// </summary>
public sealed class ViewChange(uint shardId, ulong viewId, ulong blockNumber, PublicKey sender, PublicKey newLeader,
    PreparedCertificate? m1, Signature viewChangeSignature, Signature viewIdSignature)
    : FbftMessage(shardId, viewId, blockNumber)
{
    public override MessageType Type => MessageType.ViewChange;
    public PublicKey Sender { get; } = sender;
    public PublicKey NewLeader { get; } = newLeader;
    public PreparedCertificate? M1 { get; } = m1;

    /// <summary>Signature over the M1 payload, or over NIL when there is no M1 (M2).</summary>
    public Signature ViewChangeSignature { get; } = viewChangeSignature;

    /// <summary>M3: signature over LE64(view ID).</summary>
    public Signature ViewIdSignature { get; } = viewIdSignature;


    protected override void AppendContent(ArrayBufferWriter<byte> buffer)
    {
        buffer.Write(Sender.Bytes);
        buffer.Write(NewLeader.Bytes);
        AppendWithLength(buffer, M1 is null ? [] : M1.Payload);
        buffer.Write(ViewChangeSignature.Bytes);
        buffer.Write(ViewIdSignature.Bytes);
    }
}
