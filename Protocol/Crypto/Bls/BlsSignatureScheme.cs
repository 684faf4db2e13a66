namespace HarmonySim.Protocol.Crypto.Bls;

/// <summary>
/// The real BLS12-381 scheme behind <see cref="ISignatureScheme"/> ("bls"): the ciphersuite
/// <c>BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_POP_</c>, 48-byte G1 public keys and 96-byte G2 signatures.
/// Decoded points are cached on the key and signature objects; message hashes, their Miller-loop line coefficients
/// and signing tables come from the process-wide <see cref="MessageHashCache"/>, so a committee's votes on one
/// block hash hash it once and sign it with a fixed-base table; a node with several keys signs once with their
/// summed secret (<see cref="SignAggregate"/>); a key set keeps the committee's total and caches the summed key
/// of each recently seen bitmap.
/// Rogue-key safety relies on proofs of possession checked at registration (<see cref="BlsCiphersuite.PopVerify"/>,
/// <see cref="HarmonySlotKeyProof"/>).
/// </summary>
public sealed class BlsSignatureScheme : ISignatureScheme
{
    public string Name => "bls";

    public KeyPair CreateKey(ReadOnlySpan<byte> ikm)
    {
        if (ikm.Length < 32) throw new ArgumentException("key material must be at least 32 bytes", nameof(ikm));
        var sk = BlsCiphersuite.KeyGen(ikm);
        var point = BlsCiphersuite.SkToPkPoint(sk);
        Span<byte> pk = stackalloc byte[PublicKey.Size];
        G1.Compress(point, pk);
        return new KeyPair(new SecretKey(sk), new PublicKey(pk) { Decoded = new DecodedG1(point, true) });
    }

    public bool IsValidPublicKey(PublicKey key) => TryDecode(key, out _);

    public Signature Sign(SecretKey secret, ReadOnlySpan<byte> message)
    {
        var s = BlsCiphersuite.SignPoint(secret.Bytes, MessageHash(message));
        return EncodeSignature(s);
    }

    public Signature SignAggregate(IReadOnlyList<SecretKey> secrets, ReadOnlySpan<byte> message) =>
        EncodeSignature(BlsCiphersuite.SignAggregatePoint(secrets, MessageHash(message)));

    public bool Verify(PublicKey key, ReadOnlySpan<byte> message, Signature signature)
    {
        if (!TryDecode(key, out var pk) || !TryDecode(signature, out var sig)) return false;
        return BlsCiphersuite.CoreVerify(pk, MessageHash(message), sig);
    }

    public ISignatureAccumulator CreateAccumulator() => new Accumulator();

    public PublicKey AggregatePublicKeys(IReadOnlyList<PublicKey> keys)
    {
        var points = new Point<Fp>[keys.Count];
        for (var i = 0; i < points.Length; i++)
            if (!TryDecode(keys[i], out points[i])) throw new ArgumentException($"public key {keys[i].ShortName} is not a valid BLS public key", nameof(keys));
        return EncodePublicKey(Point<Fp>.SumPublic(points));
    }

    public IAggregateKeySet CreateKeySet(IReadOnlyList<PublicKey> orderedKeys)
    {
        var points = new Point<Fp>[orderedKeys.Count];
        for (var i = 0; i < points.Length; i++)
            if (!TryDecode(orderedKeys[i], out points[i]))
                throw new ArgumentException($"committee key {i} ({orderedKeys[i].ShortName}) is not a valid BLS public key", nameof(orderedKeys));
        return new KeySet(this, orderedKeys, points);
    }

    public bool VerifyAggregate(IAggregateKeySet keys, SignerBitmap signers, ReadOnlySpan<byte> message, Signature aggregate)
    {
        if (keys is not KeySet set || set.Owner != this) throw new ArgumentException("key set was made by another scheme", nameof(keys));
        if (signers.Size != set.Count || signers.Count == 0) return false;
        if (!TryDecode(aggregate, out var sig)) return false;
        return BlsCiphersuite.CoreVerify(set.SumFor(signers), MessageHash(message), sig);
    }

    /// <summary>
    /// Checks many votes on one message at once (random linear combination, bisection on failure) and returns the
    /// indices of the ones that do not verify.
    /// </summary>
    public IReadOnlyList<int> BatchVerify(IReadOnlyList<PublicKey> keys, ReadOnlySpan<byte> message, IReadOnlyList<Signature> signatures)
    {
        if (keys.Count != signatures.Count) throw new ArgumentException("as many signatures as keys are needed", nameof(signatures));
        var bad = new List<int>();
        var pks = new List<Point<Fp>>(keys.Count);
        var sigs = new List<Point<Fp2>>(keys.Count);
        var index = new List<int>(keys.Count);
        var pkBytes = new byte[keys.Count][];
        var sigBytes = new byte[keys.Count][];
        for (var i = 0; i < keys.Count; i++)
        {
            pkBytes[i] = keys[i].ToArray();
            sigBytes[i] = signatures[i].ToArray();
            if (TryDecode(keys[i], out var p) && TryDecode(signatures[i], out var s))
            {
                pks.Add(p);
                sigs.Add(s);
                index.Add(i);
            }
            else bad.Add(i);
        }
        var seed = BatchVerifier.Seed(message, pkBytes, sigBytes);
        foreach (var j in BatchVerifier.FindInvalid([.. pks], [.. sigs], MessageHash(message).Prepared, seed)) bad.Add(index[j]);
        bad.Sort();
        return bad;
    }

    private static HashedMessage MessageHash(ReadOnlySpan<byte> message) => BlsCiphersuite.HashMessage(message, BlsCiphersuite.SignatureDstBytes);

    internal static bool TryDecode(PublicKey key, out Point<Fp> point)
    {
        if (key.Decoded is DecodedG1 d)
        {
            point = d.Point;
            return d.Valid;
        }
        var valid = BlsCiphersuite.TryDecodePublicKey(key.Bytes, out point, out _);
        key.Decoded = new DecodedG1(point, valid);
        return valid;
    }

    internal static bool TryDecode(Signature signature, out Point<Fp2> point)
    {
        if (signature.Decoded is DecodedG2 d)
        {
            point = d.Point;
            return d.Valid;
        }
        var valid = BlsCiphersuite.TryDecodeSignature(signature.Bytes, out point, out _);
        signature.Decoded = new DecodedG2(point, valid);
        return valid;
    }

    internal static PublicKey EncodePublicKey(in Point<Fp> point)
    {
        var normalized = point.Normalize();
        Span<byte> bytes = stackalloc byte[PublicKey.Size];
        G1.Compress(normalized, bytes);
        // The identity encodes fine but is not a valid public key.
        return new PublicKey(bytes) { Decoded = new DecodedG1(normalized, !normalized.IsIdentity) };
    }

    internal static Signature EncodeSignature(in Point<Fp2> point)
    {
        var normalized = point.Normalize();
        Span<byte> bytes = stackalloc byte[Signature.Size];
        G2.Compress(normalized, bytes);
        return new Signature(bytes) { Decoded = new DecodedG2(normalized, true) };
    }

    private sealed record DecodedG1(Point<Fp> Point, bool Valid);

    private sealed record DecodedG2(Point<Fp2> Point, bool Valid);

    private sealed class Accumulator : ISignatureAccumulator
    {
        private Point<Fp2> _sum = Point<Fp2>.Identity;
        public int Count { get; private set; }

        public bool Add(Signature signature)
        {
            if (!TryDecode(signature, out var s)) return false;
            _sum = Point<Fp2>.AddMixed(_sum, s);
            Count++;
            return true;
        }

        public Signature ToSignature() => EncodeSignature(_sum);
    }

    private sealed class KeySet : IAggregateKeySet
    {
        private readonly AggregateCache<Point<Fp>> _cache = new();
        private readonly IReadOnlyList<PublicKey> _keys;
        private readonly Point<Fp>[] _points;
        private readonly Point<Fp> _total;

        public KeySet(BlsSignatureScheme owner, IReadOnlyList<PublicKey> keys, Point<Fp>[] points)
        {
            Owner = owner;
            _keys = keys;
            _points = points;
            _total = Point<Fp>.SumPublic(points);
        }

        public BlsSignatureScheme Owner { get; }
        public int Count => _points.Length;
        public PublicKey this[int index] => _keys[index];

        /// <summary>
        /// The summed key of the bitmap's members; when more than half the committee signed, the committee total
        /// minus the absent members, so the cost is min(signers, absentees) point additions.
        /// </summary>
        public Point<Fp> SumFor(SignerBitmap signers) => _cache.GetOrAdd(signers, static (bitmap, set) =>
        {
            var pts = set._points;
            var signersFewer = bitmap.Count * 2 <= pts.Length;
            var count = signersFewer ? bitmap.Count : pts.Length - bitmap.Count;
            var chosen = System.Buffers.ArrayPool<Point<Fp>>.Shared.Rent(Math.Max(count, 1));
            try
            {
                var m = 0;
                for (var i = 0; i < pts.Length; i++)
                    if (bitmap[i] == signersFewer) chosen[m++] = pts[i];
                var sum = Point<Fp>.SumPublic(chosen.AsSpan(0, m));
                return signersFewer ? sum : Point<Fp>.Sub(set._total, sum);
            }
            finally
            {
                System.Buffers.ArrayPool<Point<Fp>>.Shared.Return(chosen);
            }
        }, this);

        public PublicKey AggregateFor(SignerBitmap signers) => EncodePublicKey(SumFor(signers));
    }
}

/// <summary>
/// Harmony's slot-key proof: every BLS key a validator registers signs Keccak-256("harmony-one")
/// (<c>staking/types/validator.go</c>, <c>VerifyBLSKey</c>), here with the IETF ciphersuite.
/// </summary>
public static class HarmonySlotKeyProof
{
    public const string Message = "harmony-one";

    /// <summary>Keccak-256("harmony-one"), the 32 bytes a slot key signs.</summary>
    public static byte[] SignedHash() => Keccak256.Hash("harmony-one"u8).ToArray();

    public static byte[] Create(ReadOnlySpan<byte> secretKey) => BlsCiphersuite.Sign(secretKey, SignedHash());

    public static bool Verify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> proof) => BlsCiphersuite.Verify(publicKey, SignedHash(), proof);
}

/// <summary>
/// Harmony's BLS-VRF (<c>crypto/vrf/bls/bls_vrf.go</c>): pi = Sign(sk, SHA-256(alpha)), beta = SHA-256(pi);
/// the header's <c>Vrf</c> field is beta ‖ pi (128 bytes).
/// </summary>
public static class BlsVrf
{
    public const int OutputSize = 32;
    public const int ProofSize = 96;

    /// <summary>Evaluates the VRF: (beta, pi).</summary>
    public static (byte[] Beta, byte[] Proof) Evaluate(ReadOnlySpan<byte> secretKey, ReadOnlySpan<byte> alpha)
    {
        var pi = BlsCiphersuite.Sign(secretKey, System.Security.Cryptography.SHA256.HashData(alpha));
        return (System.Security.Cryptography.SHA256.HashData(pi), pi);
    }

    /// <summary>Checks pi against SHA-256(alpha) and returns beta = SHA-256(pi) when it verifies.</summary>
    public static bool TryVerify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> alpha, ReadOnlySpan<byte> proof, out byte[]? beta)
    {
        beta = null;
        if (!BlsCiphersuite.Verify(publicKey, System.Security.Cryptography.SHA256.HashData(alpha), proof)) return false;
        beta = System.Security.Cryptography.SHA256.HashData(proof);
        return true;
    }

    /// <summary>Verifies a header's 128-byte beta ‖ pi value.</summary>
    public static bool VerifyHeaderValue(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> alpha, ReadOnlySpan<byte> betaAndProof)
    {
        if (betaAndProof.Length != OutputSize + ProofSize) return false;
        return TryVerify(publicKey, alpha, betaAndProof[OutputSize..], out var beta) && beta.AsSpan().SequenceEqual(betaAndProof[..OutputSize]);
    }
}
