using HarmonySim.Protocol.Crypto.Bls;
using HarmonySim.Protocol.Crypto.Simulated;

namespace HarmonySim.Protocol.Crypto;

/// <summary>The signature schemes consensus can run on (<see cref="ISignatureScheme.Name"/> gives each one's name).</summary>
public enum SignatureSchemeKind
{
    /// <summary>The fast simulated scheme, keyed by the run's seed (name <c>simulated</c>).</summary>
    Simulated,

    /// <summary>Real BLS12-381 (name <c>bls</c>).</summary>
    Bls,
}

public static class SignatureSchemes
{
    /// <summary>A scheme of the given kind; the simulated scheme's hidden run key derives from <paramref name="seed"/>.</summary>
    public static ISignatureScheme Create(SignatureSchemeKind kind, ulong seed) => kind switch
    {
        SignatureSchemeKind.Simulated => new SimulatedSignatureScheme(seed),
        SignatureSchemeKind.Bls => new BlsSignatureScheme(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown signature scheme"),
    };

    /// <summary>The name scenario files and reports use (<c>simulated</c>, <c>bls</c>).</summary>
    public static string Name(SignatureSchemeKind kind) => kind.ToString().ToLowerInvariant();
}
