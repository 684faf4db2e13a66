namespace HarmonySim.Protocol.Consensus;

/// <summary>The answer of <see cref="QuorumCertificate.Check"/>: valid, or the first of its checks that failed.</summary>
public enum CertificateCheck
{
    Valid,

    /// <summary>The bitmap is not the committee's size, or names a slot that never votes (a duplicate key's later copy).</summary>
    BadBitmap,

    /// <summary>The signers are well formed but fall short of the committee's quorum.</summary>
    NoQuorum,

    /// <summary>The aggregate does not verify over the payload for the bitmap's signers.</summary>
    BadSignature,
}

public static class CertificateCheckExtensions
{
    /// <summary>
    /// Whether the check reached the scheme's aggregate verification: only a bitmap that passed both cheap checks
    /// does, so the answer is Valid or BadSignature exactly when the pairing (or its simulated stand-in) was paid for.
    /// </summary>
    public static bool VerifiedAggregate(this CertificateCheck check) => check is CertificateCheck.Valid or CertificateCheck.BadSignature;
}
