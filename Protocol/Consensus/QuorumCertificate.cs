using HarmonySim.Protocol.Crypto;

namespace HarmonySim.Protocol.Consensus;

/// <summary>
/// A claim that a quorum of <see cref="Committee"/> signed <see cref="Payload"/>: the signers' bitmap and their
/// aggregate. PREPARED, COMMITTED, NEWVIEW's M3, a header's parent seal, a crosslink and a receipt proof all carry
/// one, and all are checked the same way by <see cref="Check"/>. A struct, so checking a received message allocates
/// nothing beyond what the scheme does.
/// </summary>
public readonly struct QuorumCertificate
{
    public QuorumCertificate(Committee committee, SignerBitmap signers, ReadOnlyMemory<byte> payload, Signature aggregate)
    {
        ArgumentNullException.ThrowIfNull(committee);
        ArgumentNullException.ThrowIfNull(signers);
        Committee = committee;
        Signers = signers;
        Payload = payload;
        Aggregate = aggregate;
    }

    public Committee Committee { get; }
    public SignerBitmap Signers { get; }
    public ReadOnlyMemory<byte> Payload { get; }
    public Signature Aggregate { get; }

    /// <summary>
    /// Checks, cheapest first, so garbage costs no signature check: the bitmap fits the committee and names only
    /// voting slots, its signers are a quorum, and the aggregate verifies over the payload.
    /// </summary>
    public CertificateCheck Check()
    {
        if (!Committee.IsWellFormed(Signers)) return CertificateCheck.BadBitmap;
        if (!Committee.IsQuorum(Signers)) return CertificateCheck.NoQuorum;
        return Committee.Scheme.VerifyAggregate(Committee.KeySet, Signers, Payload.Span, Aggregate)
            ? CertificateCheck.Valid : CertificateCheck.BadSignature;
    }
}
