using HarmonySim.Protocol.Crypto;

namespace HarmonySim.Grains.Runs;

/// <summary>
/// Counts what a node signs and checks, per thread: a validator grain's step runs synchronously on one thread,
/// so the counts taken around it are exactly that step's (see <see cref="Snapshot"/>).
/// </summary>
public sealed class CountingScheme(ISignatureScheme inner) : ISignatureScheme
{
    [ThreadStatic]
    private static int _signs;

    [ThreadStatic]
    private static int _verifies;

    [ThreadStatic]
    private static int _aggregateVerifies;

    [ThreadStatic]
    private static int _blockValidations;

    /// <summary>This thread's counts so far; subtract two snapshots for what happened between them.</summary>
    public static OperationCounts Snapshot => new(_signs, _verifies, _aggregateVerifies, _blockValidations);

    public static OperationCounts Since(OperationCounts before) =>
        new(_signs - before.Signs, _verifies - before.Verifies, _aggregateVerifies - before.AggregateVerifies, _blockValidations - before.BlockValidations);

    /// <summary>Counts a full block validation (the host validator calls this).</summary>
    public static void CountBlockValidation() => _blockValidations++;

    public string Name => inner.Name;
    public KeyPair CreateKey(ReadOnlySpan<byte> ikm) => inner.CreateKey(ikm);
    public bool IsValidPublicKey(PublicKey key) => inner.IsValidPublicKey(key);
    public Signature Sign(SecretKey secret, ReadOnlySpan<byte> message)
    {
        _signs++;
        return inner.Sign(secret, message);
    }

    /// <summary>Counts one sign per key, as signing with each key one by one would.</summary>
    public Signature SignAggregate(IReadOnlyList<SecretKey> secrets, ReadOnlySpan<byte> message)
    {
        _signs += secrets.Count;
        return inner.SignAggregate(secrets, message);
    }

    public ISignatureAccumulator CreateAccumulator() => inner.CreateAccumulator();
    public PublicKey AggregatePublicKeys(IReadOnlyList<PublicKey> keys) => inner.AggregatePublicKeys(keys);
    public IAggregateKeySet CreateKeySet(IReadOnlyList<PublicKey> orderedKeys) => inner.CreateKeySet(orderedKeys);

    public bool Verify(PublicKey key, ReadOnlySpan<byte> message, Signature signature)
    {
        _verifies++;
        return inner.Verify(key, message, signature);
    }

    public bool VerifyAggregate(IAggregateKeySet keys, SignerBitmap signers, ReadOnlySpan<byte> message, Signature aggregate)
    {
        _aggregateVerifies++;
        return inner.VerifyAggregate(keys, signers, message, aggregate);
    }
}
