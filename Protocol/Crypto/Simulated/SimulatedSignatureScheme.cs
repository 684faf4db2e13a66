using System.Buffers;
using System.Buffers.Binary;
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
/// keyed hash. Sums of signatures verify against sums of scalars, as BLS aggregates verify against summed
/// public keys. Keys and signatures travel encrypted under a run-wide key held only by this scheme object
/// (a trusted oracle standing in for the pairing), so a party that lacks a signer's secret key cannot produce
/// its signature through any API. It is a simulation device, not cryptography: use the <c>bls</c> scheme where
/// real unforgeability matters. Instances built from the same seed agree on every key and signature.
/// </remarks>
public sealed class SimulatedSignatureScheme : ISignatureScheme, IDisposable
{
    private const int TagOffset = 16;
    private readonly byte[] _scalarKey;
    private readonly byte[] _messageKey;
    private readonly byte[] _tagKey;
    private readonly ThreadLocal<Aes> _keyCipher;
    private readonly ThreadLocal<Aes> _signatureCipher;
    private readonly ThreadLocal<MessageHashCache> _lastMessage = new(() => new MessageHashCache());

    public SimulatedSignatureScheme(ulong seed = 0)
    {
        Span<byte> seedBytes = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(seedBytes, seed);
        var master = SHA256.HashData([.. "HarmonySim simulated signature scheme v1"u8, .. seedBytes]);
        _scalarKey = Derive(master, "scalar");
        _messageKey = Derive(master, "message");
        _tagKey = Derive(master, "tag");
        var keyCipherKey = Derive(master, "key-cipher")[..16];
        var signatureCipherKey = Derive(master, "signature-cipher")[..16];
        _keyCipher = new ThreadLocal<Aes>(() => NewCipher(keyCipherKey));
        _signatureCipher = new ThreadLocal<Aes>(() => NewCipher(signatureCipherKey));
    }

    public string Name => "simulated";

    public KeyPair CreateKey(ReadOnlySpan<byte> ikm)
    {
        if (ikm.Length < 32) throw new ArgumentException("key material must be at least 32 bytes", nameof(ikm));
        var secret = new SecretKey(SHA256.HashData([.. "HarmonySim simulated keygen"u8, .. ikm]));
        var scalar = SecretScalar(secret);
        return new KeyPair(secret, EncodePublicKey(scalar));
    }

    public bool IsValidPublicKey(PublicKey key) => TryDecode(key, out _);

    public Signature Sign(SecretKey secret, ReadOnlySpan<byte> message) =>
        EncodeSignature(Mersenne61.Multiply(SecretScalar(secret), HashMessage(message)));

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
        _keyCipher.Dispose();
        _signatureCipher.Dispose();
        _lastMessage.Dispose();
    }

    private ulong SecretScalar(SecretKey secret)
    {
        if (secret.Decoded is DecodedScalar d && d.Owner == this) return d.Value;
        Span<byte> digest = stackalloc byte[32];
        Prf(_scalarKey, secret.Bytes, digest);
        var value = Mersenne61.FromRandom(BinaryPrimitives.ReadUInt64LittleEndian(digest));
        secret.Decoded = new DecodedScalar(this, value, true);
        return value;
    }

    private ulong HashMessage(ReadOnlySpan<byte> message)
    {
        var cache = _lastMessage.Value!;
        if (cache.Matches(message)) return cache.Hash;
        Span<byte> digest = stackalloc byte[32];
        Prf(_messageKey, message, digest);
        var h = Mersenne61.FromRandom(BinaryPrimitives.ReadUInt64LittleEndian(digest));
        cache.Store(message, h);
        return h;
    }

    private PublicKey EncodePublicKey(ulong scalar)
    {
        Span<byte> bytes = stackalloc byte[PublicKey.Size];
        EncryptValue(_keyCipher.Value!, scalar, bytes[..16]);
        Span<byte> tag = stackalloc byte[32];
        Prf(_tagKey, bytes[..16], tag);
        tag.CopyTo(bytes[TagOffset..]);
        return new PublicKey(bytes) { Decoded = new DecodedScalar(this, scalar, true) };
    }

    private Signature EncodeSignature(ulong value)
    {
        Span<byte> bytes = stackalloc byte[Signature.Size];
        bytes.Clear();
        EncryptValue(_signatureCipher.Value!, value, bytes[..16]);
        return new Signature(bytes) { Decoded = new DecodedScalar(this, value, true) };
    }

    private bool TryDecode(PublicKey key, out ulong value)
    {
        if (key.Decoded is DecodedScalar d && d.Owner == this)
        {
            value = d.Value;
            return d.Valid;
        }
        value = 0;
        Span<byte> tag = stackalloc byte[32];
        Prf(_tagKey, key.Bytes[..16], tag);
        var valid = tag.SequenceEqual(key.Bytes[TagOffset..]) && TryDecryptValue(_keyCipher.Value!, key.Bytes[..16], out value);
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
        value = 0;
        var valid = !signature.Bytes[16..].ContainsAnyExcept((byte)0) && TryDecryptValue(_signatureCipher.Value!, signature.Bytes[..16], out value);
        if (!valid) value = 0;
        signature.Decoded = new DecodedScalar(this, value, valid);
        return valid;
    }

    private static void EncryptValue(Aes cipher, ulong value, Span<byte> destination)
    {
        Span<byte> block = stackalloc byte[16];
        block.Clear();
        BinaryPrimitives.WriteUInt64LittleEndian(block, value);
        cipher.EncryptEcb(block, destination, PaddingMode.None);
    }

    private static bool TryDecryptValue(Aes cipher, ReadOnlySpan<byte> source, out ulong value)
    {
        Span<byte> block = stackalloc byte[16];
        cipher.DecryptEcb(source, block, PaddingMode.None);
        value = BinaryPrimitives.ReadUInt64LittleEndian(block);
        // The upper half is a redundancy check; a value must also be a canonical field element.
        return BinaryPrimitives.ReadUInt64LittleEndian(block[8..]) == 0 && value < Mersenne61.P;
    }

    private static void Prf(byte[] key, ReadOnlySpan<byte> data, Span<byte> digest)
    {
        var length = key.Length + data.Length;
        byte[]? rented = null;
        var buffer = length <= 512 ? stackalloc byte[length] : (rented = ArrayPool<byte>.Shared.Rent(length)).AsSpan(0, length);
        key.CopyTo(buffer);
        data.CopyTo(buffer[key.Length..]);
        SHA256.HashData(buffer, digest);
        if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
    }

    private static byte[] Derive(byte[] master, string label) => SHA256.HashData([.. master, .. Encoding.ASCII.GetBytes(label)]);

    private static Aes NewCipher(byte[] key)
    {
        var aes = Aes.Create();
        aes.Key = key;
        return aes;
    }

    private sealed record DecodedScalar(SimulatedSignatureScheme Owner, ulong Value, bool Valid);

    private sealed class MessageHashCache
    {
        private byte[] _message = new byte[256];
        private int _length = -1;
        public ulong Hash { get; private set; }

        public bool Matches(ReadOnlySpan<byte> message) => _length == message.Length && message.SequenceEqual(_message.AsSpan(0, _length));

        public void Store(ReadOnlySpan<byte> message, ulong hash)
        {
            if (message.Length > _message.Length) _message = new byte[message.Length];
            message.CopyTo(_message);
            _length = message.Length;
            Hash = hash;
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
        private readonly AggregateCache<ulong> _cache = new();
        public SimulatedSignatureScheme Owner => owner;
        public int Count => scalars.Length;
        public PublicKey this[int index] => keys[index];

        public ulong SumFor(SignerBitmap signers) => _cache.GetOrAdd(signers, static (bitmap, s) =>
        {
            ulong sum = 0;
            foreach (var i in bitmap.Members()) sum = Mersenne61.Add(sum, s[i]);
            return sum;
        }, scalars);

        public PublicKey AggregateFor(SignerBitmap signers) => owner.EncodePublicKey(SumFor(signers));
    }
}
