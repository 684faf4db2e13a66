namespace HarmonySim.Protocol.Crypto;

/// <summary>
/// The one signature interface consensus uses. Two implementations share its shape:
/// real BLS12-381 and a fast simulated scheme with the same sizes and aggregation semantics.
/// All signatures of one aggregate are over the same message (FBFT's votes).
/// </summary>
public interface ISignatureScheme
{
    /// <summary>Name used in scenario files and reports ("simulated", "bls").</summary>
    string Name { get; }

    /// <summary>Derives a key pair deterministically from input key material (at least 32 bytes).</summary>
    KeyPair CreateKey(ReadOnlySpan<byte> ikm);

    /// <summary>True when the bytes are a valid public key of this scheme (on the curve, in the subgroup, canonical).</summary>
    bool IsValidPublicKey(PublicKey key);

    Signature Sign(SecretKey secret, ReadOnlySpan<byte> message);

    /// <summary>
    /// The aggregate of every key's signature on one message (a node with several keys votes once): the same bytes
    /// as signing with each key and accumulating, which is what this default does. Schemes may compute it more
    /// cheaply (BLS: one multiplication by the summed secrets). At least one key.
    /// </summary>
    Signature SignAggregate(IReadOnlyList<SecretKey> secrets, ReadOnlySpan<byte> message)
    {
        if (secrets.Count == 0) throw new ArgumentException("at least one secret key is needed", nameof(secrets));
        var acc = CreateAccumulator();
        foreach (var secret in secrets)
            if (!acc.Add(Sign(secret, message))) throw new InvalidOperationException($"{Name}: a fresh signature does not decode");
        return acc.ToSignature();
    }

    /// <summary>Verifies one signature; false (never an exception) for malformed keys or signatures.</summary>
    bool Verify(PublicKey key, ReadOnlySpan<byte> message, Signature signature);

    /// <summary>Starts an empty aggregate that votes are folded into one at a time.</summary>
    ISignatureAccumulator CreateAccumulator();

    /// <summary>Sums public keys (the key an aggregate over the same message verifies against).</summary>
    PublicKey AggregatePublicKeys(IReadOnlyList<PublicKey> keys);

    /// <summary>Prepares an ordered committee's keys for repeated aggregate checks against bitmaps.</summary>
    IAggregateKeySet CreateKeySet(IReadOnlyList<PublicKey> orderedKeys);

    /// <summary>Verifies an aggregate signature over one message against the keys the bitmap selects.</summary>
    bool VerifyAggregate(IAggregateKeySet keys, SignerBitmap signers, ReadOnlySpan<byte> message, Signature aggregate);
}

/// <summary>Folds signatures over one message into an aggregate.</summary>
public interface ISignatureAccumulator
{
    int Count { get; }

    /// <summary>Adds a signature; false when it does not decode.</summary>
    bool Add(Signature signature);

    Signature ToSignature();
}

/// <summary>An ordered committee's public keys in a scheme's decoded form, with cached per-bitmap aggregates.</summary>
public interface IAggregateKeySet
{
    int Count { get; }
    PublicKey this[int index] { get; }

    /// <summary>The summed key of the members the bitmap selects.</summary>
    PublicKey AggregateFor(SignerBitmap signers);
}

public sealed record KeyPair(SecretKey Secret, PublicKey Public);

public static class SignatureSchemeExtensions
{
    public static Signature Aggregate(this ISignatureScheme scheme, IEnumerable<Signature> signatures)
    {
        var acc = scheme.CreateAccumulator();
        foreach (var s in signatures)
            if (!acc.Add(s)) throw new ArgumentException("a signature does not decode", nameof(signatures));
        return acc.ToSignature();
    }
}
