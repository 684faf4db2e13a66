using System.Security.Cryptography;
using HarmonySim.Protocol.Crypto;
using HarmonySim.Protocol.Crypto.Bls;

namespace HarmonySim.Protocol.Sharding.Randomness;

/// <summary>
/// The VRF a committee key contributes to the epoch's randomness with: proof π = Sign(sk, SHA-256(α)),
/// output β = SHA-256(π) — Harmony's BLS-VRF construction (reference §2, <see cref="BlsVrf"/>). It is a VRF only
/// because the signature is unique for a key and message, which holds for BLS and for the simulated scheme
/// (both deterministic). Under the <c>bls</c> scheme the work goes to <see cref="BlsVrf"/> itself.
/// </summary>
public sealed class EpochVrf
{
    private readonly ISignatureScheme _scheme;

    private EpochVrf(ISignatureScheme scheme) => _scheme = scheme;

    /// <summary>The VRF over a committee's signature scheme.</summary>
    public static EpochVrf For(ISignatureScheme scheme)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        return new EpochVrf(scheme);
    }

    public string SchemeName => _scheme.Name;

    public (byte[] Output, byte[] Proof) Evaluate(SecretKey secret, ReadOnlySpan<byte> alpha)
    {
        ArgumentNullException.ThrowIfNull(secret);
        if (_scheme is BlsSignatureScheme) return BlsVrf.Evaluate(secret.Bytes, alpha);
        var proof = _scheme.Sign(secret, SHA256.HashData(alpha)).ToArray();
        return (SHA256.HashData(proof), proof);
    }

    /// <summary>Checks π against the key and α; returns β. False, never an exception, for malformed proofs.</summary>
    public bool TryVerify(PublicKey key, ReadOnlySpan<byte> alpha, ReadOnlySpan<byte> proof, out byte[]? output)
    {
        ArgumentNullException.ThrowIfNull(key);
        output = null;
        if (proof.Length != Signature.Size) return false;
        if (_scheme is BlsSignatureScheme) return BlsVrf.TryVerify(key.Bytes, alpha, proof, out output);
        if (!_scheme.Verify(key, SHA256.HashData(alpha), new Signature(proof))) return false;
        output = SHA256.HashData(proof);
        return true;
    }
}
