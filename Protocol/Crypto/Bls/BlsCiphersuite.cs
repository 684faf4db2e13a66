using System.Buffers.Binary;
using System.Numerics;
using System.Security.Cryptography;

namespace HarmonySim.Protocol.Crypto.Bls;

/// <summary>Why a BLS input was rejected.</summary>
public sealed class BlsFormatException(string message) : FormatException(message);

/// <summary>
/// The IETF BLS signature ciphersuite <c>BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_POP_</c>
/// (draft-irtf-cfrg-bls-signature-05, "minimal-pubkey-size": public keys in G1 as 48 compressed bytes,
/// signatures in G2 as 96 compressed bytes), the Ethereum consensus ciphersuite. Secret keys are 32 big-endian
/// bytes, 1 ≤ sk &lt; r. Every decoder rejects non-canonical encodings, points off the curve and points outside the
/// prime-order subgroup; public keys must also not be the identity (KeyValidate).
/// </summary>
public static class BlsCiphersuite
{
    public const string SignatureDst = "BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_POP_";
    public const string PopDst = "BLS_POP_BLS12381G2_XMD:SHA-256_SSWU_RO_POP_";
    public const int SecretKeySize = 32;
    public const int PublicKeySize = 48;
    public const int SignatureSize = 96;

    internal static ReadOnlySpan<byte> SignatureDstBytes => "BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_POP_"u8;
    internal static ReadOnlySpan<byte> PopDstBytes => "BLS_POP_BLS12381G2_XMD:SHA-256_SSWU_RO_POP_"u8;

    /// <summary>The group order r.</summary>
    public static BigInteger Order => G1.Order;

    /// <summary>KeyGen(IKM, key_info) of draft-irtf-cfrg-bls-signature-05 §2.3 (HKDF-SHA-256, salt re-hashed until SK ≠ 0).</summary>
    public static byte[] KeyGen(ReadOnlySpan<byte> ikm, ReadOnlySpan<byte> keyInfo = default)
    {
        if (ikm.Length < 32) throw new ArgumentException("IKM must be at least 32 bytes", nameof(ikm));
        const int L = 48;
        var salt = "BLS-SIG-KEYGEN-SALT-"u8.ToArray();
        var ikmPrime = new byte[ikm.Length + 1];
        ikm.CopyTo(ikmPrime);
        var info = new byte[keyInfo.Length + 2];
        keyInfo.CopyTo(info);
        BinaryPrimitives.WriteUInt16BigEndian(info.AsSpan(keyInfo.Length), L);
        var okm = new byte[L];
        while (true)
        {
            salt = SHA256.HashData(salt);
            var prk = HKDF.Extract(HashAlgorithmName.SHA256, ikmPrime, salt);
            HKDF.Expand(HashAlgorithmName.SHA256, prk, okm, info);
            // Not constant time (BigInteger); key generation runs once per key.
            var sk = new BigInteger(okm, isUnsigned: true, isBigEndian: true) % G1.Order;
            CryptographicOperations.ZeroMemory(prk);
            if (sk.IsZero) continue;
            var result = new byte[SecretKeySize];
            sk.TryWriteBytes(result.AsSpan(SecretKeySize - sk.GetByteCount(isUnsigned: true)), out _, isUnsigned: true, isBigEndian: true);
            CryptographicOperations.ZeroMemory(okm);
            return result;
        }
    }

    /// <summary>True when sk is 32 bytes with 1 ≤ sk &lt; r.</summary>
    public static bool IsValidSecretKey(ReadOnlySpan<byte> sk)
    {
        if (sk.Length != SecretKeySize) return false;
        // Compare big-endian against r without branching on the secret's bytes.
        ReadOnlySpan<byte> r = [
            0x73, 0xed, 0xa7, 0x53, 0x29, 0x9d, 0x7d, 0x48, 0x33, 0x39, 0xd8, 0x08, 0x09, 0xa1, 0xd8, 0x05,
            0x53, 0xbd, 0xa4, 0x02, 0xff, 0xfe, 0x5b, 0xfe, 0xff, 0xff, 0xff, 0xff, 0x00, 0x00, 0x00, 0x01];
        var borrow = 0;
        var nonZero = 0;
        for (var i = SecretKeySize - 1; i >= 0; i--)
        {
            var d = sk[i] - r[i] - borrow;
            borrow = (d >> 31) & 1;
            nonZero |= sk[i];
        }
        return (borrow == 1) & (nonZero != 0);
    }

    private static void RequireSecretKey(ReadOnlySpan<byte> sk)
    {
        if (!IsValidSecretKey(sk)) throw new ArgumentException("a secret key is 32 big-endian bytes with 1 <= sk < r", nameof(sk));
    }

    internal static Point<Fp> SkToPkPoint(ReadOnlySpan<byte> sk)
    {
        RequireSecretKey(sk);
        return Point<Fp>.MulSecret(G1.Generator, sk).Normalize();
    }

    public static byte[] SkToPk(ReadOnlySpan<byte> sk)
    {
        var result = new byte[PublicKeySize];
        G1.Compress(SkToPkPoint(sk), result);
        return result;
    }

    /// <summary>KeyValidate: a canonical compressed G1 point, in G1, not the identity.</summary>
    public static bool KeyValidate(ReadOnlySpan<byte> pk) => TryDecodePublicKey(pk, out _, out _);

    internal static bool TryDecodePublicKey(ReadOnlySpan<byte> pk, out Point<Fp> point, out string? error)
    {
        if (pk.Length != PublicKeySize)
        {
            point = Point<Fp>.Identity;
            error = $"a public key is {PublicKeySize} bytes, got {pk.Length}";
            return false;
        }
        if (!G1.TryDecode(pk, true, out point, out error)) return false;
        if (point.IsIdentity)
        {
            error = "public key is the identity point";
            return false;
        }
        return true;
    }

    internal static bool TryDecodeSignature(ReadOnlySpan<byte> sig, out Point<Fp2> point, out string? error)
    {
        if (sig.Length != SignatureSize)
        {
            point = Point<Fp2>.Identity;
            error = $"a signature is {SignatureSize} bytes, got {sig.Length}";
            return false;
        }
        return G2.TryDecode(sig, true, out point, out error);
    }

    /// <summary>Why a public key is invalid, or null when it is valid.</summary>
    public static string? PublicKeyError(ReadOnlySpan<byte> pk) => TryDecodePublicKey(pk, out _, out var e) ? null : e;

    /// <summary>Why a signature is invalid, or null when it is valid.</summary>
    public static string? SignatureError(ReadOnlySpan<byte> sig) => TryDecodeSignature(sig, out _, out var e) ? null : e;

    /// <summary>H(m) from the process-wide memo (<see cref="MessageHashCache"/>), with its lines and signing table.</summary>
    internal static HashedMessage HashMessage(ReadOnlySpan<byte> message, ReadOnlySpan<byte> dst) => MessageHashCache.Shared.Get(message, dst);

    internal static Point<Fp2> SignPoint(ReadOnlySpan<byte> sk, HashedMessage h)
    {
        RequireSecretKey(sk);
        // H(m) is a hash-to-curve output, so it is in G2, where the ψ-based split is valid.
        return h.Multiply(sk);
    }

    /// <summary>
    /// Σ [skᵢ]H(m) as [Σ skᵢ mod r]H(m): one multiplication for a node's several keys. The same group element as
    /// the sum of the individual signatures (H(m) has order r), hence the same bytes.
    /// </summary>
    internal static Point<Fp2> SignAggregatePoint(IReadOnlyList<SecretKey> secrets, HashedMessage h)
    {
        if (secrets.Count == 0) throw new ArgumentException("at least one secret key is needed", nameof(secrets));
        // Not constant time (BigInteger); HarmonySim signs inside a simulation.
        var sum = BigInteger.Zero;
        foreach (var secret in secrets)
        {
            RequireSecretKey(secret.Bytes);
            sum += new BigInteger(secret.Bytes, isUnsigned: true, isBigEndian: true);
        }
        sum %= G1.Order;
        Span<byte> scalar = stackalloc byte[SecretKeySize];
        scalar.Clear();
        sum.TryWriteBytes(scalar[(SecretKeySize - sum.GetByteCount(isUnsigned: true))..], out _, isUnsigned: true, isBigEndian: true);
        return h.Multiply(scalar);
    }

    public static byte[] Sign(ReadOnlySpan<byte> sk, ReadOnlySpan<byte> message) => SignWithDst(sk, message, SignatureDstBytes);

    private static byte[] SignWithDst(ReadOnlySpan<byte> sk, ReadOnlySpan<byte> message, ReadOnlySpan<byte> dst)
    {
        var s = SignPoint(sk, HashMessage(message, dst));
        var result = new byte[SignatureSize];
        G2.Compress(s, result);
        return result;
    }

    /// <summary>e(pk, H(m)) = e(G1, sig), as one two-pair multi-Miller loop and one final exponentiation.</summary>
    internal static bool CoreVerify(in Point<Fp> pk, G2Prepared hash, in Point<Fp2> sig) => Pairing.VerifyEquation(pk, hash, sig);

    internal static bool CoreVerify(in Point<Fp> pk, in Point<Fp2> hash, in Point<Fp2> sig) => Pairing.VerifyEquation(pk, hash, sig);

    /// <summary>CoreVerify against a memoised H(m), reading its line coefficients when the message is checked again.</summary>
    internal static bool CoreVerify(in Point<Fp> pk, HashedMessage hash, in Point<Fp2> sig) =>
        hash.PreparedIfReused() is { } lines ? Pairing.VerifyEquation(pk, lines, sig) : Pairing.VerifyEquation(pk, hash.Point, sig);

    public static bool Verify(ReadOnlySpan<byte> pk, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature) =>
        VerifyWithDst(pk, message, signature, SignatureDstBytes);

    private static bool VerifyWithDst(ReadOnlySpan<byte> pk, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature, ReadOnlySpan<byte> dst)
    {
        if (!TryDecodePublicKey(pk, out var p, out _) || !TryDecodeSignature(signature, out var s, out _)) return false;
        return CoreVerify(p, HashMessage(message, dst), s);
    }

    /// <summary>Sums signatures (each must decode and be in G2); throws <see cref="BlsFormatException"/> otherwise or when there are none.</summary>
    public static byte[] AggregateSignatures(IReadOnlyList<byte[]> signatures)
    {
        if (signatures.Count == 0) throw new BlsFormatException("no signatures to aggregate");
        var points = new Point<Fp2>[signatures.Count];
        for (var i = 0; i < signatures.Count; i++)
            if (!TryDecodeSignature(signatures[i], out points[i], out var error)) throw new BlsFormatException($"signature {i}: {error}");
        var result = new byte[SignatureSize];
        G2.Compress(Point<Fp2>.SumPublic(points), result);
        return result;
    }

    /// <summary>Sums public keys (each must pass KeyValidate); throws <see cref="BlsFormatException"/> otherwise or when there are none.</summary>
    public static byte[] AggregatePublicKeys(IReadOnlyList<byte[]> publicKeys)
    {
        var result = new byte[PublicKeySize];
        G1.Compress(AggregatePublicKeyPoint(publicKeys), result);
        return result;
    }

    private static Point<Fp> AggregatePublicKeyPoint(IReadOnlyList<byte[]> publicKeys)
    {
        if (publicKeys.Count == 0) throw new BlsFormatException("no public keys to aggregate");
        var points = new Point<Fp>[publicKeys.Count];
        for (var i = 0; i < publicKeys.Count; i++)
            if (!TryDecodePublicKey(publicKeys[i], out points[i], out var error)) throw new BlsFormatException($"public key {i}: {error}");
        return Point<Fp>.SumPublic(points);
    }

    /// <summary>FastAggregateVerify: every key signed the same message; false for an empty list or any invalid input.</summary>
    public static bool FastAggregateVerify(IReadOnlyList<byte[]> publicKeys, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        if (publicKeys.Count == 0) return false;
        Point<Fp> agg;
        try
        {
            agg = AggregatePublicKeyPoint(publicKeys);
        }
        catch (BlsFormatException)
        {
            return false;
        }
        if (!TryDecodeSignature(signature, out var s, out _)) return false;
        return CoreVerify(agg, HashMessage(message, SignatureDstBytes), s);
    }

    /// <summary>
    /// AggregateVerify over distinct or repeated messages (the proof-of-possession suite allows repeats):
    /// Π e(pk_i, H(m_i)) = e(G1, sig).
    /// </summary>
    public static bool AggregateVerify(IReadOnlyList<byte[]> publicKeys, IReadOnlyList<byte[]> messages, ReadOnlySpan<byte> signature)
    {
        if (publicKeys.Count == 0 || publicKeys.Count != messages.Count) return false;
        if (!TryDecodeSignature(signature, out var s, out _)) return false;
        var ps = new Point<Fp>[publicKeys.Count + 1];
        var qs = new G2Prepared[publicKeys.Count + 1];
        for (var i = 0; i < publicKeys.Count; i++)
        {
            if (!TryDecodePublicKey(publicKeys[i], out ps[i], out _)) return false;
            qs[i] = HashMessage(messages[i], SignatureDstBytes).Prepared;
        }
        ps[^1] = Point<Fp>.Neg(G1.Generator);
        qs[^1] = new G2Prepared(s);
        return Pairing.ProductIsOne(ps, qs);
    }

    /// <summary>PopProve: a signature over the serialized public key under the POP domain separation tag.</summary>
    public static byte[] PopProve(ReadOnlySpan<byte> sk) => SignWithDst(sk, SkToPk(sk), PopDstBytes);

    public static bool PopVerify(ReadOnlySpan<byte> pk, ReadOnlySpan<byte> proof) => VerifyWithDst(pk, pk, proof, PopDstBytes);

    /// <summary>
    /// Verifies many (public key, signature) pairs over one message with one random linear combination:
    /// e(Σ rᵢ pkᵢ, H(m)) = e(G1, Σ rᵢ σᵢ), the 64-bit rᵢ derived deterministically by hashing every input.
    /// When the combination fails, it bisects to name the invalid pairs. Returns the indices of invalid pairs
    /// (undecodable inputs included), in ascending order; empty when all verify.
    /// </summary>
    public static IReadOnlyList<int> BatchVerifySameMessage(IReadOnlyList<byte[]> publicKeys, ReadOnlySpan<byte> message, IReadOnlyList<byte[]> signatures)
    {
        if (publicKeys.Count != signatures.Count) throw new ArgumentException("as many signatures as public keys are needed", nameof(signatures));
        var n = publicKeys.Count;
        var bad = new List<int>();
        var pks = new List<Point<Fp>>(n);
        var sigs = new List<Point<Fp2>>(n);
        var index = new List<int>(n);
        for (var i = 0; i < n; i++)
        {
            if (TryDecodePublicKey(publicKeys[i], out var p, out _) && TryDecodeSignature(signatures[i], out var s, out _))
            {
                pks.Add(p);
                sigs.Add(s);
                index.Add(i);
            }
            else bad.Add(i);
        }
        var hash = HashMessage(message, SignatureDstBytes).Prepared;
        var found = BatchVerifier.FindInvalid(pks.ToArray(), sigs.ToArray(), hash, BatchVerifier.Seed(message, publicKeys, signatures));
        foreach (var j in found) bad.Add(index[j]);
        bad.Sort();
        return bad;
    }
}

/// <summary>Random-linear-combination batch verification over one message, with bisection.</summary>
internal static class BatchVerifier
{
    public static byte[] Seed(ReadOnlySpan<byte> message, IReadOnlyList<byte[]> publicKeys, IReadOnlyList<byte[]> signatures)
    {
        using var h = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        h.AppendData("HarmonySim BLS batch verification v1"u8);
        Span<byte> len = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(len, (ulong)message.Length);
        h.AppendData(len);
        h.AppendData(message);
        for (var i = 0; i < publicKeys.Count; i++)
        {
            h.AppendData(publicKeys[i]);
            h.AppendData(signatures[i]);
        }
        return h.GetHashAndReset();
    }

    public static ulong[] Coefficients(ReadOnlySpan<byte> seed, int n)
    {
        var result = new ulong[n];
        Span<byte> input = stackalloc byte[seed.Length + 4];
        seed.CopyTo(input);
        Span<byte> digest = stackalloc byte[32];
        for (var i = 0; i < n; i++)
        {
            BinaryPrimitives.WriteInt32BigEndian(input[seed.Length..], i);
            SHA256.HashData(input, digest);
            result[i] = BinaryPrimitives.ReadUInt64BigEndian(digest) | 1; // never zero
        }
        return result;
    }

    /// <summary>Indices (into the given arrays) of pairs that do not verify against the prepared message hash.</summary>
    public static List<int> FindInvalid(Point<Fp>[] pks, Point<Fp2>[] sigs, G2Prepared hash, byte[] seed)
    {
        var coefficients = Coefficients(seed, pks.Length);
        var bad = new List<int>();
        Check(pks, sigs, coefficients, hash, 0, pks.Length, bad, knownBad: false);
        return bad;
    }

    private static void Check(Point<Fp>[] pks, Point<Fp2>[] sigs, ulong[] r, G2Prepared hash, int start, int count, List<int> bad, bool knownBad)
    {
        if (count == 0) return;
        if (count == 1)
        {
            if (!BlsCiphersuite.CoreVerify(pks[start], hash, sigs[start])) bad.Add(start);
            return;
        }
        if (!knownBad)
        {
            var pk = Point<Fp>.MultiMulPublic(pks.AsSpan(start, count), r.AsSpan(start, count));
            var sig = Point<Fp2>.MultiMulPublic(sigs.AsSpan(start, count), r.AsSpan(start, count));
            if (BlsCiphersuite.CoreVerify(pk, hash, sig)) return;
        }
        var half = count / 2;
        var before = bad.Count;
        Check(pks, sigs, r, hash, start, half, bad, false);
        // When the left half was clean, the fault is in the right half: skip re-checking it as a whole.
        Check(pks, sigs, r, hash, start + half, count - half, bad, knownBad: bad.Count == before && count - half > 1);
    }
}
