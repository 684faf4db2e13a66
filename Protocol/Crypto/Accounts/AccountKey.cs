using System.Text;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Math.EC;

namespace HarmonySim.Protocol.Crypto.Accounts;

/// <summary>A recoverable secp256k1 signature: r ‖ s (low-s) and the recovery id (0 or 1).</summary>
public sealed record RecoverableSignature(byte[] R, byte[] S, int RecoveryId)
{
    /// <summary>EIP-155 v = recovery id + 2·chainId + 35.</summary>
    public ulong Eip155V(ulong chainId) => (ulong)RecoveryId + (chainId * 2) + 35;

    /// <summary>65 bytes r ‖ s ‖ v with v = 27 + recovery id (the pre-EIP-155 form).</summary>
    public byte[] ToBytes65() => [.. R, .. S, (byte)(27 + RecoveryId)];
}

/// <summary>
/// A secp256k1 account key (BouncyCastle): Ethereum-style 20-byte address (last 20 bytes of Keccak-256 of the
/// uncompressed public key), Harmony's bech32 <c>one1…</c> form, and RFC 6979 signatures with recovery id.
/// </summary>
public sealed class AccountKey
{
    private static readonly X9ECParameters Curve = ECNamedCurveTable.GetByName("secp256k1");
    private static readonly ECDomainParameters Domain = new(Curve.Curve, Curve.G, Curve.N, Curve.H);
    private static readonly BigInteger HalfN = Curve.N.ShiftRight(1);

    private readonly BigInteger _d;

    private AccountKey(BigInteger d, byte[] secret)
    {
        _d = d;
        Secret = secret;
        PublicKey = Domain.G.Multiply(d).Normalize().GetEncoded(false);
        Address = AddressOf(PublicKey);
    }

    /// <summary>The 32-byte big-endian secret scalar.</summary>
    public byte[] Secret { get; }

    /// <summary>The 65-byte uncompressed public key (0x04 ‖ x ‖ y).</summary>
    public byte[] PublicKey { get; }

    /// <summary>The 20-byte account address.</summary>
    public byte[] Address { get; }

    public string Bech32Address => Bech32.EncodeAddress("one", Address);

    public static AccountKey FromSecret(ReadOnlySpan<byte> secret)
    {
        if (secret.Length != 32) throw new ArgumentException("a secp256k1 secret key is 32 bytes", nameof(secret));
        var d = new BigInteger(1, secret.ToArray());
        if (d.SignValue == 0 || d.CompareTo(Curve.N) >= 0) throw new ArgumentException("secret key is not in [1, n)", nameof(secret));
        return new AccountKey(d, secret.ToArray());
    }

    /// <summary>Address = last 20 bytes of Keccak-256(x ‖ y).</summary>
    public static byte[] AddressOf(ReadOnlySpan<byte> uncompressedPublicKey)
    {
        if (uncompressedPublicKey.Length != 65 || uncompressedPublicKey[0] != 4)
            throw new ArgumentException("expected a 65-byte uncompressed public key", nameof(uncompressedPublicKey));
        return Keccak256.Hash(uncompressedPublicKey[1..]).ToArray()[12..];
    }

    /// <summary>EIP-55 mixed-case checksum form of an address.</summary>
    public static string ChecksumAddress(ReadOnlySpan<byte> address)
    {
        var hex = Convert.ToHexStringLower(address);
        var hash = Keccak256.Hash(Encoding.ASCII.GetBytes(hex)).ToArray();
        var sb = new StringBuilder("0x", 42);
        for (var i = 0; i < hex.Length; i++)
        {
            var nibble = (hash[i / 2] >> (i % 2 == 0 ? 4 : 0)) & 0xf;
            sb.Append(nibble >= 8 ? char.ToUpperInvariant(hex[i]) : hex[i]);
        }
        return sb.ToString();
    }

    /// <summary>Signs a 32-byte hash with a deterministic (RFC 6979, HMAC-SHA-256) nonce; s is normalised to the low half.</summary>
    public RecoverableSignature Sign(ReadOnlySpan<byte> hash32)
    {
        if (hash32.Length != 32) throw new ArgumentException("expected a 32-byte hash", nameof(hash32));
        var signer = new ECDsaSigner(new HMacDsaKCalculator(new Sha256Digest()));
        signer.Init(true, new ECPrivateKeyParameters(_d, Domain));
        var rs = signer.GenerateSignature(hash32.ToArray());
        var r = rs[0];
        var s = rs[1];
        if (s.CompareTo(HalfN) > 0) s = Curve.N.Subtract(s);
        for (var recId = 0; recId < 2; recId++)
        {
            var q = Recover(hash32, r, s, recId);
            if (q is not null && q.GetEncoded(false).AsSpan().SequenceEqual(PublicKey))
                return new RecoverableSignature(r.ToByteArrayUnsigned().PadLeft32(), s.ToByteArrayUnsigned().PadLeft32(), recId);
        }
        throw new InvalidOperationException("could not compute the recovery id");
    }

    /// <summary>Recovers the signer's address from a hash and a recoverable signature; null when it does not recover.</summary>
    public static byte[]? RecoverAddress(ReadOnlySpan<byte> hash32, RecoverableSignature signature)
    {
        var q = Recover(hash32, new BigInteger(1, signature.R), new BigInteger(1, signature.S), signature.RecoveryId);
        return q is null ? null : AddressOf(q.GetEncoded(false));
    }

    private static ECPoint? Recover(ReadOnlySpan<byte> hash32, BigInteger r, BigInteger s, int recId)
    {
        var n = Curve.N;
        if (r.SignValue <= 0 || r.CompareTo(n) >= 0 || s.SignValue <= 0 || s.CompareTo(n) >= 0 || recId is < 0 or > 1) return null;
        var xBytes = r.ToByteArrayUnsigned().PadLeft32();
        ECPoint rPoint;
        try
        {
            rPoint = Curve.Curve.DecodePoint([(byte)(0x02 + (recId & 1)), .. xBytes]);
        }
        catch (ArgumentException)
        {
            return null;
        }
        var e = new BigInteger(1, hash32.ToArray());
        var rInv = r.ModInverse(n);
        var u1 = e.Negate().Mod(n).Multiply(rInv).Mod(n);
        var u2 = s.Multiply(rInv).Mod(n);
        var q = ECAlgorithms.SumOfTwoMultiplies(Domain.G, u1, rPoint, u2).Normalize();
        return q.IsInfinity ? null : q;
    }
}

internal static class ByteArrayExtensions
{
    public static byte[] PadLeft32(this byte[] bytes)
    {
        if (bytes.Length == 32) return bytes;
        var result = new byte[32];
        bytes.CopyTo(result, 32 - bytes.Length);
        return result;
    }
}

/// <summary>BIP-173 bech32 (Harmony's <c>one1…</c> addresses use it with human-readable part "one").</summary>
public static class Bech32
{
    private const string Charset = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private static readonly uint[] Generator = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];

    public static string EncodeAddress(string hrp, ReadOnlySpan<byte> data) => Encode(hrp, ConvertBits(data, 8, 5, true));

    public static byte[] DecodeAddress(string expectedHrp, string address)
    {
        var (hrp, data) = Decode(address);
        if (hrp != expectedHrp) throw new FormatException($"expected human-readable part '{expectedHrp}', got '{hrp}'");
        return ConvertBits(data, 5, 8, false);
    }

    private static uint Polymod(ReadOnlySpan<byte> values)
    {
        uint chk = 1;
        foreach (var v in values)
        {
            var top = chk >> 25;
            chk = ((chk & 0x1ffffff) << 5) ^ v;
            for (var i = 0; i < 5; i++)
                if (((top >> i) & 1) != 0) chk ^= Generator[i];
        }
        return chk;
    }

    private static byte[] HrpExpand(string hrp)
    {
        var result = new byte[(hrp.Length * 2) + 1];
        for (var i = 0; i < hrp.Length; i++)
        {
            result[i] = (byte)(hrp[i] >> 5);
            result[i + hrp.Length + 1] = (byte)(hrp[i] & 31);
        }
        return result;
    }

    public static string Encode(string hrp, ReadOnlySpan<byte> data5)
    {
        byte[] values = [.. HrpExpand(hrp), .. data5, 0, 0, 0, 0, 0, 0];
        var mod = Polymod(values) ^ 1;
        var sb = new StringBuilder(hrp).Append('1');
        foreach (var d in data5) sb.Append(Charset[d]);
        for (var i = 0; i < 6; i++) sb.Append(Charset[(int)((mod >> (5 * (5 - i))) & 31)]);
        return sb.ToString();
    }

    public static (string Hrp, byte[] Data) Decode(string s)
    {
        if (s.Any(char.IsLower) && s.Any(char.IsUpper)) throw new FormatException("mixed-case bech32 string");
        s = s.ToLowerInvariant();
        var pos = s.LastIndexOf('1');
        if (pos < 1 || pos + 7 > s.Length) throw new FormatException("malformed bech32 string");
        var hrp = s[..pos];
        var data = new byte[s.Length - pos - 1];
        for (var i = 0; i < data.Length; i++)
        {
            var c = Charset.IndexOf(s[pos + 1 + i], StringComparison.Ordinal);
            if (c < 0) throw new FormatException($"invalid bech32 character '{s[pos + 1 + i]}'");
            data[i] = (byte)c;
        }
        if (Polymod([.. HrpExpand(hrp), .. data]) != 1) throw new FormatException("bech32 checksum mismatch");
        return (hrp, data[..^6]);
    }

    private static byte[] ConvertBits(ReadOnlySpan<byte> data, int from, int to, bool pad)
    {
        var acc = 0;
        var bits = 0;
        var result = new List<byte>();
        var maxv = (1 << to) - 1;
        foreach (var value in data)
        {
            acc = (acc << from) | value;
            bits += from;
            while (bits >= to)
            {
                bits -= to;
                result.Add((byte)((acc >> bits) & maxv));
            }
        }
        if (pad)
        {
            if (bits > 0) result.Add((byte)((acc << (to - bits)) & maxv));
        }
        else if (bits >= from || ((acc << (to - bits)) & maxv) != 0)
        {
            throw new FormatException("invalid padding in bech32 data");
        }
        return [.. result];
    }
}
