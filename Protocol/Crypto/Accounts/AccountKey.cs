using System.Text;
using NBitcoin.Secp256k1;

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
/// A secp256k1 account key: Ethereum-style 20-byte address (last 20 bytes of Keccak-256 of the uncompressed public
/// key), Harmony's bech32 <c>one1…</c> form, and RFC 6979 signatures with recovery id.
/// </summary>
/// <remarks>
/// The curve arithmetic is NBitcoin.Secp256k1, a managed port of libsecp256k1 (what geth and Harmony link): about
/// 20× faster than a general-purpose big-integer implementation, which matters because every simulated transfer is
/// signed once and recovered by every node that checks it. Its nonce is RFC 6979 HMAC-SHA-256 and it normalises s to
/// the low half, so signatures are byte-identical to any other RFC 6979 low-s signer (pinned by the vector tests).
/// </remarks>
public sealed class AccountKey
{
    private AccountKey(byte[] secret, byte[] publicKey)
    {
        Secret = secret;
        PublicKey = publicKey;
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
        // TryCreate refuses zero and values ≥ n, the same range check as before.
        if (!Context.Instance.TryCreateECPrivKey(secret, out var key) || key is null)
            throw new ArgumentException("secret key is not in [1, n)", nameof(secret));
        using (key) return new AccountKey(secret.ToArray(), key.CreatePubKey().ToBytes(false));
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
        // The key object is made per call rather than kept, so AccountKey owns nothing disposable.
        using var key = Context.Instance.CreateECPrivKey(Secret);
        if (!key.TrySignRecoverable(hash32, out var signature) || signature is null)
            throw new InvalidOperationException("secp256k1 signing failed");
        Span<byte> compact = stackalloc byte[64];
        signature.WriteToSpanCompact(compact, out var recoveryId);
        // Ids 2 and 3 mean r overflowed n (probability about 2^-127); v could not carry them, so refuse loudly.
        if (recoveryId is < 0 or > 1) throw new InvalidOperationException("could not compute the recovery id");
        return new RecoverableSignature(compact[..32].ToArray(), compact[32..].ToArray(), recoveryId);
    }

    /// <summary>Recovers the signer's address from a hash and a recoverable signature; null when it does not recover.</summary>
    public static byte[]? RecoverAddress(ReadOnlySpan<byte> hash32, RecoverableSignature signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        if (hash32.Length != 32 || signature.R.Length > 32 || signature.S.Length > 32 || signature.RecoveryId is < 0 or > 1) return null;
        Span<byte> compact = stackalloc byte[64];
        compact.Clear();
        signature.R.CopyTo(compact[(32 - signature.R.Length)..32]);
        signature.S.CopyTo(compact[(64 - signature.S.Length)..]);
        // Parsing refuses r or s ≥ n; recovery refuses r or s = 0 and an r that is no x on the curve. A high s is
        // accepted here, as by the curve maths (the low-s rule is the encoding's, checked when decoding).
        if (!SecpRecoverableECDSASignature.TryCreateFromCompact(compact, signature.RecoveryId, out var parsed) || parsed is null) return null;
        if (!ECPubKey.TryRecover(Context.Instance, parsed, hash32, out var publicKey) || publicKey is null) return null;
        Span<byte> uncompressed = stackalloc byte[65];
        publicKey.WriteToSpan(false, uncompressed, out _);
        return AddressOf(uncompressed);
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
