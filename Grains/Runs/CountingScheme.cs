using HarmonySim.Protocol.Crypto;

namespace HarmonySim.Grains.Runs;

/// <summary>
/// Counts the signature checks a node makes, per thread: a validator grain's step runs synchronously on one thread,
/// so the difference of <see cref="Verifications"/> around it is exactly that step's count.
/// </summary>
public sealed class CountingScheme(ISignatureScheme inner) : ISignatureScheme
{
    [ThreadStatic]
    private static long _verifications;

    public static long Verifications => _verifications;

    public string Name => inner.Name;
    public KeyPair CreateKey(ReadOnlySpan<byte> ikm) => inner.CreateKey(ikm);
    public bool IsValidPublicKey(PublicKey key) => inner.IsValidPublicKey(key);
    public Signature Sign(SecretKey secret, ReadOnlySpan<byte> message) => inner.Sign(secret, message);
    public ISignatureAccumulator CreateAccumulator() => inner.CreateAccumulator();
    public PublicKey AggregatePublicKeys(IReadOnlyList<PublicKey> keys) => inner.AggregatePublicKeys(keys);
    public IAggregateKeySet CreateKeySet(IReadOnlyList<PublicKey> orderedKeys) => inner.CreateKeySet(orderedKeys);

    public bool Verify(PublicKey key, ReadOnlySpan<byte> message, Signature signature)
    {
        _verifications++;
        return inner.Verify(key, message, signature);
    }

    public bool VerifyAggregate(IAggregateKeySet keys, SignerBitmap signers, ReadOnlySpan<byte> message, Signature aggregate)
    {
        _verifications++;
        return inner.VerifyAggregate(keys, signers, message, aggregate);
    }
}
