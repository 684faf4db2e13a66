using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;

namespace HarmonySim.Protocol.Crypto;

/// <summary>
/// Wraps a signature scheme so that a verification done once is not repeated: every validator of a shard hosted
/// in one process checks the same ANNOUNCE, PREPARED and COMMITTED, and with real BLS each check is a pairing.
/// Results are memoised by a SHA-256 of what was checked (key or key set and bitmap size and bits, message,
/// signature), so the answers are exactly the inner scheme's. Single flight: when several threads check the same
/// thing at once, one computes and the others wait for its answer. Bounded: the memo is dropped when it grows past
/// its capacity.
/// </summary>
public sealed class SharedVerificationScheme(ISignatureScheme inner, int capacity = 65_536) : ISignatureScheme
{
    private readonly ConcurrentDictionary<Hash32, Check> _memo = new();
    private readonly ConditionalWeakTable<IAggregateKeySet, object> _keySetIds = [];
    private long _nextKeySetId;
    private int _count;
    private long _hits;

    public ISignatureScheme Inner => inner;
    public string Name => inner.Name;

    /// <summary>Checks answered from the memo (or by waiting for another thread's identical check) instead of the inner scheme.</summary>
    public long Hits => Interlocked.Read(ref _hits);

    public KeyPair CreateKey(ReadOnlySpan<byte> ikm) => inner.CreateKey(ikm);
    public bool IsValidPublicKey(PublicKey key) => inner.IsValidPublicKey(key);
    public Signature Sign(SecretKey secret, ReadOnlySpan<byte> message) => inner.Sign(secret, message);
    public Signature SignAggregate(IReadOnlyList<SecretKey> secrets, ReadOnlySpan<byte> message) => inner.SignAggregate(secrets, message);
    public ISignatureAccumulator CreateAccumulator() => inner.CreateAccumulator();
    public PublicKey AggregatePublicKeys(IReadOnlyList<PublicKey> keys) => inner.AggregatePublicKeys(keys);
    public IAggregateKeySet CreateKeySet(IReadOnlyList<PublicKey> orderedKeys) => inner.CreateKeySet(orderedKeys);

    public bool Verify(PublicKey key, ReadOnlySpan<byte> message, Signature signature)
    {
        var id = Id(0, key.Bytes, -1, [], message, signature);
        if (Recall(id, out var known, out var claim)) return known;
        if (claim is null) return inner.Verify(key, message, signature);
        bool result;
        try
        {
            result = inner.Verify(key, message, signature);
        }
        catch
        {
            Abandon(id, claim);
            throw;
        }
        return Complete(claim, result);
    }

    public bool VerifyAggregate(IAggregateKeySet keys, SignerBitmap signers, ReadOnlySpan<byte> message, Signature aggregate)
    {
        var keySet = (long)_keySetIds.GetValue(keys, _ => Interlocked.Increment(ref _nextKeySetId));
        Span<byte> keySetId = stackalloc byte[8];
        BitConverter.TryWriteBytes(keySetId, keySet);
        var id = Id(1, keySetId, signers.Size, signers.ToBytes(), message, aggregate);
        if (Recall(id, out var known, out var claim)) return known;
        if (claim is null) return inner.VerifyAggregate(keys, signers, message, aggregate);
        bool result;
        try
        {
            result = inner.VerifyAggregate(keys, signers, message, aggregate);
        }
        catch
        {
            Abandon(id, claim);
            throw;
        }
        return Complete(claim, result);
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
        for (var i = 0; i < keys.Count; i++)
        {
            MakeRoom();
            // Overwriting a check in flight is harmless: it computes the same answer.
            _memo[Id(0, keys[i].Bytes, -1, [], message, signatures[i])] = Check.Answered(!bad.Contains(i));
        }
    }

    /// <summary>
    /// True with the answer when the memo has it (waiting for a thread that is computing it). Otherwise false with a
    /// claim this thread must complete, or with no claim when the thread that claimed the check failed (then the
    /// caller computes without the memo, and fails the same way or answers).
    /// </summary>
    private bool Recall(Hash32 id, out bool answer, out Check? claim)
    {
        if (!_memo.TryGetValue(id, out var existing))
        {
            var mine = new Check();
            // Locked before it is published, so whoever finds it waits until the answer is in.
            Monitor.Enter(mine);
            MakeRoom();
            existing = _memo.GetOrAdd(id, mine);
            if (ReferenceEquals(existing, mine))
            {
                answer = false;
                claim = mine;
                return false;
            }
            Monitor.Exit(mine);
        }
        claim = null;
        if (!Volatile.Read(ref existing.Done))
        {
            Monitor.Enter(existing);
            Monitor.Exit(existing);
        }
        var done = Volatile.Read(ref existing.Done);
        answer = existing.Result;
        if (!done) return false;
        Interlocked.Increment(ref _hits);
        return true;
    }

    private static bool Complete(Check claim, bool result)
    {
        claim.Result = result;
        Volatile.Write(ref claim.Done, true);
        Monitor.Exit(claim);
        return result;
    }

    private void Abandon(Hash32 id, Check claim)
    {
        _memo.TryRemove(new KeyValuePair<Hash32, Check>(id, claim));
        Monitor.Exit(claim);
    }

    /// <summary>Drops the memo when it is full (a counter, since ConcurrentDictionary.Count takes every lock).</summary>
    private void MakeRoom()
    {
        if (Interlocked.Increment(ref _count) <= capacity) return;
        _memo.Clear();
        Volatile.Write(ref _count, 1);
    }

    private static Hash32 Id(byte kind, ReadOnlySpan<byte> key, int bitmapSize, ReadOnlySpan<byte> bitmap, ReadOnlySpan<byte> message, Signature signature)
    {
        // kind, key length, bitmap size (it tells 250 from 251 signers with the same bytes), then the inputs.
        var length = 6 + key.Length + bitmap.Length + Signature.Size + message.Length;
        var input = length <= 1024 ? stackalloc byte[length] : new byte[length];
        input[0] = kind;
        input[1] = (byte)key.Length;
        BinaryPrimitives.WriteInt32BigEndian(input[2..], bitmapSize);
        var at = 6;
        key.CopyTo(input[at..]);
        at += key.Length;
        bitmap.CopyTo(input[at..]);
        at += bitmap.Length;
        signature.Bytes.CopyTo(input[at..]);
        at += Signature.Size;
        message.CopyTo(input[at..]);
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(input, digest);
        return new Hash32(digest);
    }

    /// <summary>
    /// One memoised check: the computing thread holds its monitor until <see cref="Done"/> is set (the object itself,
    /// so a memo entry costs no second allocation).
    /// </summary>
    private sealed class Check
    {
        public bool Done;
        public bool Result;

        public static Check Answered(bool result) => new() { Done = true, Result = result };
    }
}
