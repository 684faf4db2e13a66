using HarmonySim.Protocol.Consensus.Messages;
using HarmonySim.Protocol.Crypto;

namespace HarmonySim.Protocol.Consensus;

/// <summary>
/// Every call the node makes to its signature scheme goes through here, so each is counted exactly once in
/// <see cref="Operations"/>: the host's CPU cost model charges what the node itself computed, not what a thread saw.
/// </summary>
public sealed partial class FbftNode
{
    private NodeOperations _operations;

    /// <summary>Signature-scheme calls this node has made since it was built; subtract a snapshot taken before a step for that step's.</summary>
    public NodeOperations Operations => _operations;

    private Signature Sign(Committee committee, SecretKey secret, ReadOnlySpan<byte> payload)
    {
        _operations = _operations with { Signs = _operations.Signs + 1 };
        return committee.Scheme.Sign(secret, payload);
    }

    private bool Verify(Committee committee, PublicKey key, ReadOnlySpan<byte> payload, Signature signature)
    {
        _operations = _operations with { Verifies = _operations.Verifies + 1 };
        return committee.Scheme.Verify(key, payload, signature);
    }

    /// <summary>An aggregate that needs no quorum: a multi-key vote, or NEWVIEW's M2.</summary>
    private bool VerifyAggregate(Committee committee, SignerBitmap signers, ReadOnlySpan<byte> payload, Signature aggregate)
    {
        _operations = _operations with { AggregateVerifies = _operations.AggregateVerifies + 1 };
        return committee.Scheme.VerifyAggregate(committee.KeySet, signers, payload, aggregate);
    }

    /// <summary>Checks a quorum certificate; the aggregate counts only when the cheap bitmap checks let it reach the scheme.</summary>
    private CertificateCheck Check(QuorumCertificate certificate)
    {
        var result = certificate.Check();
        if (result.VerifiedAggregate()) _operations = _operations with { AggregateVerifies = _operations.AggregateVerifies + 1 };
        return result;
    }

    private static Verdict ToVerdict(CertificateCheck check) => check switch
    {
        CertificateCheck.Valid => Verdict.Accepted,
        CertificateCheck.BadBitmap => Verdict.BadBitmap,
        CertificateCheck.NoQuorum => Verdict.NoQuorum,
        _ => Verdict.BadSignature,
    };

    /// <summary>
    /// Signs the same payload with each of my committee keys and sums the signatures (one vote per node). The scheme
    /// may do it in one step (BLS: one multiplication by the keys' summed secret, the same bytes); it still counts as
    /// one signature per key.
    /// </summary>
    private Signature SignWithAllKeys(ReadOnlySpan<byte> payload)
    {
        if (_myKeys.Length == 1) return Sign(Committee, _myKeys[0].Secret, payload);
        _operations = _operations with { Signs = _operations.Signs + _myKeys.Length };
        return Committee.Scheme.SignAggregate(_mySecrets ??= [.. _myKeys.Select(k => k.Secret)], payload);
    }

    private SecretKey[]? _mySecrets;

    private Signature SignEnvelope(KeyPair key, FbftMessage unsigned) => Sign(Committee, key.Secret, unsigned.SigningBytes);

    /// <summary>The envelope check, counted as this node's verification; the message memoises the scheme's answer for its other receivers.</summary>
    private bool EnvelopeValid(SignedFbftMessage message)
    {
        _operations = _operations with { Verifies = _operations.Verifies + 1 };
        return message.EnvelopeVerifies(Committee.Scheme);
    }
}
