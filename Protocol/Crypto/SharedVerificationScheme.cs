using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;

namespace HarmonySim.Protocol.Crypto;

/// <summary>
/// Wraps a signature scheme so that a verification done once is not repeated: every validator of a shard hosted
/// in one process checks the same ANNOUNCE, PREPARED and COMMITTED, and with real BLS each check is a pairing.
/// Results are memoised by a SHA-256 of what was checked (key or key set and bitmap, message, signature), so the
/// answers are exactly the inner scheme's. Bounded: the memo is dropped when it grows past its capacity.
/// </summary>
public sealed class SharedVerificationScheme(ISignatureScheme inner, int capacity = 65_536) : ISignatureScheme
{
    private readonly ConcurrentDictionary<Hash32, bool> _memo = new();
    private readonly ConditionalWeakTable<IAggregateKeySet, object> _keySetIds = [];
    private long _nextKeySetId;

    public ISignatureScheme Inner => inner;
    public string Name => inner.Name;

    /// <summary>Checks answered from the memo instead of the inner scheme.</summary>
    public long Hits => Interlocked.Read(ref _hits);

    private long _hits;

    public KeyPair CreateKey(ReadOnlySpan<byte> ikm) => inner.CreateKey(ikm);
    public bool IsValidPublicKey(PublicKey key) => inner.IsValidPublicKey(key);
    public Signature Sign(SecretKey secret, ReadOnlySpan<byte> message) => inner.Sign(secret, message);
    public ISignatureAccumulator CreateAccumulator() => inner.CreateAccumulator();
    public PublicKey AggregatePublicKeys(IReadOnlyList<PublicKey> keys) => inner.AggregatePublicKeys(keys);
    public IAggregateKeySet CreateKeySet(IReadOnlyList<PublicKey> orderedKeys) => inner.CreateKeySet(orderedKeys);

    public bool Verify(PublicKey key, ReadOnlySpan<byte> message, Signature signature)
    {
        var id = Id(0, key.Bytes, [], message, signature);
        if (_memo.TryGetValue(id, out var known))
        {
            Interlocked.Increment(ref _hits);
            return known;
        }
        return Remember(id, inner.Verify(key, message, signature));
    }

    public bool VerifyAggregate(IAggregateKeySet keys, SignerBitmap signers, ReadOnlySpan<byte> message, Signature aggregate)
    {
        var keySet = (long)_keySetIds.GetValue(keys, _ => Interlocked.Increment(ref _nextKeySetId));
        Span<byte> keySetId = stackalloc byte[8];
        BitConverter.TryWriteBytes(keySetId, keySet);
        var id = Id(1, keySetId, signers.ToBytes(), message, aggregate);
        if (_memo.TryGetValue(id, out var known))
        {
            Interlocked.Increment(ref _hits);
            return known;
        }
        return Remember(id, inner.VerifyAggregate(keys, signers, message, aggregate));
    }

    /// <summary>
    /// Checks many single-key signatures on one message together when the inner scheme can batch them (BLS: one
    /// random linear combination instead of a pairing each, bisection to name the bad ones) and remembers each
    /// answer, so the one-by-one checks that follow are answered from the memo. Answers are the same either way.
    /// </summary>
    public void PrimeBatch(IReadOnlyList<PublicKey> keys, ReadOnlySpan<byte> message, IReadOnlyList<Signature> signatures)
    {
        if (inner is not Bls.BlsSignatureScheme bls || keys.Count < 2) return;
        var bad = new HashSet<int>(bls.BatchVerify(keys, message, signatures));
        for (var i = 0; i < keys.Count; i++) Remember(Id(0, keys[i].Bytes, [], message, signatures[i]), !bad.Contains(i));
    }

    private bool Remember(Hash32 id, bool result)
    {
        if (_memo.Count >= capacity) _memo.Clear();
        _memo[id] = result;
        return result;
    }

    private static Hash32 Id(byte kind, ReadOnlySpan<byte> key, ReadOnlySpan<byte> bitmap, ReadOnlySpan<byte> message, Signature signature)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> header = [kind, (byte)key.Length, (byte)(bitmap.Length >> 8), (byte)bitmap.Length];
        hash.AppendData(header);
        hash.AppendData(key);
        hash.AppendData(bitmap);
        hash.AppendData(signature.Bytes);
        hash.AppendData(message);
        Span<byte> digest = stackalloc byte[32];
        hash.GetHashAndReset(digest);
        return new Hash32(digest);
    }
}
