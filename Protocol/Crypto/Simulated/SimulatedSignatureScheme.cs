using System.Buffers.Binary;
using System.Runtime.Intrinsics;
using System.Security.Cryptography;
using System.Text;

namespace HarmonySim.Protocol.Crypto.Simulated;

/// <summary>
/// A fast stand-in for BLS with the same shape: 48-byte keys, 96-byte signatures, aggregation by
/// addition over the same message, and verification of an aggregate in O(1) once the bitmap's summed
/// key is known.
/// </summary>
/// <remarks>
/// Signer i holds a secret scalar a_i; its signature on m is s = a_i · h(m) mod (2^61 − 1), where h is a
/// keyed pseudo-random function. Sums of signatures verify against sums of scalars, as BLS aggregates verify
/// against summed public keys. Keys and signatures travel AES-encrypted under a run-wide key held only by this
/// scheme object (a trusted oracle standing in for the pairing), with a redundancy check, so a party that lacks a
/// signer's secret key cannot produce its signature through any API, and malformed bytes are rejected. It is a
/// simulation device, not cryptography: use the <c>bls</c> scheme where real unforgeability matters. Instances
/// built from the same seed agree on every key and signature.
/// </remarks>
public sealed class SimulatedSignatureScheme : ISignatureScheme, IDisposable
{
    private const int TagOffset = 16;
    private readonly Aes128 _scalarPrf;
    private readonly Aes128 _messagePrf;
    private readonly Aes128 _tagPrf;
    private readonly Aes128 _keyCipher;
    private readonly Aes128 _signatureCipher;
    private readonly ThreadLocal<MessageHashCache> _lastMessage = new(() => new MessageHashCache());

    public SimulatedSignatureScheme(ulong seed = 0)
    {
        Span<byte> seedBytes = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(seedBytes, seed);
        var master = SHA256.HashData([.. "HarmonySim simulated signature scheme v2"u8, .. seedBytes]);
        _scalarPrf = new Aes128(Derive(master, "scalar"));
        _messagePrf = new Aes128(Derive(master, "message"));
        _tagPrf = new Aes128(Derive(master, "tag"));
        _keyCipher = new Aes128(Derive(master, "key-cipher"));
        _signatureCipher = new Aes128(Derive(master, "signature-cipher"));
    }

    public string Name => "simulated";

    public KeyPair CreateKey(ReadOnlySpan<byte> ikm)
    {
        if (ikm.Length < 32) throw new ArgumentException("key material must be at least 32 bytes", nameof(ikm));
        var secret = new SecretKey(SHA256.HashData([.. "HarmonySim simulated keygen"u8, .. ikm]));
        return new KeyPair(secret, EncodePublicKey(SecretScalar(secret)));
    }

    public bool IsValidPublicKey(PublicKey key) => TryDecode(key, out _);

    public Signature Sign(SecretKey secret, ReadOnlySpan<byte> message) =>
        EncodeSignature(Mersenne61.Multiply(SecretScalar(secret), HashMessage(message)));

    /// <summary>Σ aᵢ·h(m) = (Σ aᵢ)·h(m) mod p: one product and one encryption for all the keys, the same bytes as accumulating.</summary>
    public Signature SignAggregate(IReadOnlyList<SecretKey> secrets, ReadOnlySpan<byte> message)
    {
        if (secrets.Count == 0) throw new ArgumentException("at least one secret key is needed", nameof(secrets));
        ulong sum = 0;
        foreach (var secret in secrets) sum = Mersenne61.Add(sum, SecretScalar(secret));
        return EncodeSignature(Mersenne61.Multiply(sum, HashMessage(message)));
    }

    public bool Verify(PublicKey key, ReadOnlySpan<byte> message, Signature signature) =>
        TryDecode(key, out var a) && TryDecode(signature, out var s) && Mersenne61.Multiply(a, HashMessage(message)) == s;

    public ISignatureAccumulator CreateAccumulator() => new Accumulator(this);

    public PublicKey AggregatePublicKeys(IReadOnlyList<PublicKey> keys)
    {
        ulong sum = 0;
        foreach (var key in keys)
        {
            if (!TryDecode(key, out var a)) throw new ArgumentException($"public key {key.ShortName} is not a valid simulated key", nameof(keys));
            sum = Mersenne61.Add(sum, a);
        }
        return EncodePublicKey(sum);
    }

    public IAggregateKeySet CreateKeySet(IReadOnlyList<PublicKey> orderedKeys)
    {
        var scalars = new ulong[orderedKeys.Count];
        for (var i = 0; i < scalars.Length; i++)
            if (!TryDecode(orderedKeys[i], out scalars[i]))
                throw new ArgumentException($"committee key {i} ({orderedKeys[i].ShortName}) is not a valid simulated key", nameof(orderedKeys));
        return new KeySet(this, orderedKeys, scalars);
    }

    public bool VerifyAggregate(IAggregateKeySet keys, SignerBitmap signers, ReadOnlySpan<byte> message, Signature aggregate)
    {
        if (keys is not KeySet set || set.Owner != this) throw new ArgumentException("key set was made by another scheme", nameof(keys));
        if (signers.Size != set.Count) return false;
        return TryDecode(aggregate, out var s) && Mersenne61.Multiply(set.SumFor(signers), HashMessage(message)) == s;
    }

    public void Dispose()
    {
        _scalarPrf.Dispose();
        _messagePrf.Dispose();
        _tagPrf.Dispose();
        _keyCipher.Dispose();
        _signatureCipher.Dispose();
        _lastMessage.Dispose();
    }

    private ulong SecretScalar(SecretKey secret)
    {
        if (secret.Decoded is DecodedScalar d && d.Owner == this) return d.Value;
        var value = Mersenne61.FromRandom(_scalarPrf.Mac(secret.Bytes).AsUInt64().GetElement(0));
        secret.Decoded = new DecodedScalar(this, value, true);
        return value;
    }

    /// <summary>
    /// h(m); the last few messages per thread are remembered: a leader checks many votes on one payload, and a shard's
    /// validators, stepped one after another, each check the same certificate and sign the same vote payload.
    /// </summary>
    private ulong HashMessage(ReadOnlySpan<byte> message)
    {
        var cache = _lastMessage.Value!;
        if (cache.TryGet(message, out var known)) return known;
        var h = Mersenne61.FromRandom(_messagePrf.Mac(message).AsUInt64().GetElement(0));
        cache.Store(message, h);
        return h;
    }

    private PublicKey EncodePublicKey(ulong scalar)
    {
        Span<byte> bytes = stackalloc byte[PublicKey.Size];
        var cipher = _keyCipher.Encrypt(Vector128.Create(scalar, 0UL).AsByte());
        cipher.CopyTo(bytes);
        WriteTag(cipher, bytes[TagOffset..]);
        return new PublicKey(bytes) { Decoded = new DecodedScalar(this, scalar, true) };
    }

    /// <summary>The 32 bytes after a key's ciphertext: a keyed function of it, so keys spread over the whole 48 bytes and tampering shows.</summary>
    private void WriteTag(Vector128<byte> cipher, Span<byte> tag)
    {
        var first = _tagPrf.Encrypt(cipher);
        first.CopyTo(tag);
        _tagPrf.Encrypt(first).CopyTo(tag[16..]);
    }

    private Signature EncodeSignature(ulong value)
    {
        Span<byte> bytes = stackalloc byte[Signature.Size];
        bytes.Clear();
        _signatureCipher.Encrypt(Vector128.Create(value, 0UL).AsByte()).CopyTo(bytes);
        return new Signature(bytes) { Decoded = new DecodedScalar(this, value, true) };
    }

    private bool TryDecode(PublicKey key, out ulong value)
    {
        if (key.Decoded is DecodedScalar d && d.Owner == this)
        {
            value = d.Value;
            return d.Valid;
        }
        var cipher = Vector128.Create(key.Bytes[..16]);
        Span<byte> tag = stackalloc byte[32];
        WriteTag(cipher, tag);
        var valid = tag.SequenceEqual(key.Bytes[TagOffset..]) & TryDecrypt(_keyCipher, cipher, out value);
        if (!valid) value = 0;
        key.Decoded = new DecodedScalar(this, value, valid);
        return valid;
    }

    private bool TryDecode(Signature signature, out ulong value)
    {
        if (signature.Decoded is DecodedScalar d && d.Owner == this)
        {
            value = d.Value;
            return d.Valid;
        }
        var valid = !signature.Bytes[16..].ContainsAnyExcept((byte)0) & TryDecrypt(_signatureCipher, Vector128.Create(signature.Bytes[..16]), out value);
        if (!valid) value = 0;
        signature.Decoded = new DecodedScalar(this, value, valid);
        return valid;
    }

    /// <summary>The upper half of a decrypted block is a redundancy check; the value must also be a canonical field element.</summary>
    private static bool TryDecrypt(Aes128 cipher, Vector128<byte> block, out ulong value)
    {
        var plain = cipher.Decrypt(block).AsUInt64();
        value = plain.GetElement(0);
        return plain.GetElement(1) == 0 && value < Mersenne61.P;
    }

    private static byte[] Derive(byte[] master, string label) => SHA256.HashData([.. master, .. Encoding.ASCII.GetBytes(label)])[..16];

    private sealed record DecodedScalar(SimulatedSignatureScheme Owner, ulong Value, bool Valid);

    /// <summary>The last <see cref="Size"/> messages hashed on one thread, replaced round-robin.</summary>
    private sealed class MessageHashCache
    {
        private const int Size = 4;
        private readonly byte[][] _messages = [new byte[256], new byte[256], new byte[256], new byte[256]];
        private readonly int[] _lengths = [-1, -1, -1, -1];
        private readonly ulong[] _hashes = new ulong[Size];
        private int _next;

        public bool TryGet(ReadOnlySpan<byte> message, out ulong hash)
        {
            for (var i = 0; i < Size; i++)
            {
                if (_lengths[i] == message.Length && message.SequenceEqual(_messages[i].AsSpan(0, _lengths[i])))
                {
                    hash = _hashes[i];
                    return true;
                }
            }
            hash = 0;
            return false;
        }

        public void Store(ReadOnlySpan<byte> message, ulong hash)
        {
            var slot = _next;
            _next = (_next + 1) % Size;
            if (message.Length > _messages[slot].Length) _messages[slot] = new byte[message.Length];
            message.CopyTo(_messages[slot]);
            _lengths[slot] = message.Length;
            _hashes[slot] = hash;
        }
    }

    private sealed class Accumulator(SimulatedSignatureScheme owner) : ISignatureAccumulator
    {
        private ulong _sum;
        public int Count { get; private set; }

        public bool Add(Signature signature)
        {
            if (!owner.TryDecode(signature, out var s)) return false;
            _sum = Mersenne61.Add(_sum, s);
            Count++;
            return true;
        }

        public Signature ToSignature() => owner.EncodeSignature(_sum);
    }

    private sealed class KeySet(SimulatedSignatureScheme owner, IReadOnlyList<PublicKey> keys, ulong[] scalars) : IAggregateKeySet
    {
        private readonly AggregateCache<ulong> _cache = new(computeBelow: 32);
        public SimulatedSignatureScheme Owner => owner;
        public int Count => scalars.Length;
        public PublicKey this[int index] => keys[index];

        public ulong SumFor(SignerBitmap signers) => _cache.GetOrAdd(signers, static (bitmap, s) =>
        {
            ulong sum = 0;
            var words = bitmap.Words;
            for (var w = 0; w < words.Length; w++)
            {
                var word = words[w];
                while (word != 0)
                {
                    sum += s[(w << 6) + System.Numerics.BitOperations.TrailingZeroCount(word)];
                    word &= word - 1;
                    // Each scalar is below 2^61, so at most seven additions fit before a reduction is due.
                    if (sum >= 7UL << 61) sum = (sum & Mersenne61.P) + (sum >> 61);
                }
            }
            return Mersenne61.Add((sum & Mersenne61.P) + (sum >> 61), 0);
        }, scalars);

        public PublicKey AggregateFor(SignerBitmap signers) => owner.EncodePublicKey(SumFor(signers));
    }
}
