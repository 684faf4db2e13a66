using System.Buffers.Binary;
using System.Numerics;

namespace HarmonySim.Protocol.Crypto.Vdf;

/// <summary>
/// The group a Wesolowski VDF runs in: the integers modulo an RSA modulus N whose factorisation nobody knows, taken
/// modulo ±1 (the quotient Z_N*/{±1}). The quotient matters: in Z_N* the element −1 has known order 2, and a prover
/// could negate both the output and the proof of an honest evaluation and still pass the check (ℓ is odd). Each
/// element is stored in its canonical form, the smaller of v and N − v, so it has exactly one encoding.
/// </summary>
public sealed class RsaGroup
{
    /// <summary>
    /// The RSA-2048 factoring-challenge number (RSA Laboratories, 1991): a public 2048-bit constant whose factors were
    /// never published and are believed destroyed, so the group order is unknown to everyone.
    /// </summary>
    public const string Rsa2048ModulusDecimal =
        "25195908475657893494027183240048398571429282126204032027777137836043662020707595556264018525880784" +
        "40691829064124951508218929855914917618450280848912007284499268739280728777673597141834727026189637" +
        "50149718246911650776133798590957000973304597488084284017974291006424586918171951187461215151726546" +
        "32282216869987549182422433637259085141865462043576798423387184774447920739934236584823824281198163" +
        "81501067481045166037730605620161967625613384414360383390441495263443219011465754445417842402092461" +
        "65157233507787077498171257724679629263863563732899121548314381678998850404453640235273819513786365" +
        "64391212010397122822120720357";

    /// <summary>Moduli below this size are accepted only so tests can run small groups quickly.</summary>
    public const int MinimumModulusBits = 64;

    private static readonly byte[] HashToGroupDomain = "HarmonySim VDF hash-to-group v1"u8.ToArray();

    private static readonly Lazy<RsaGroup> Rsa2048Group = new(() => new RsaGroup(BigInteger.Parse(Rsa2048ModulusDecimal, System.Globalization.CultureInfo.InvariantCulture)));

    public RsaGroup(BigInteger modulus)
    {
        if (modulus.IsEven || modulus.GetBitLength() < MinimumModulusBits)
            throw new ArgumentOutOfRangeException(nameof(modulus), "an odd modulus of at least 64 bits");
        Modulus = modulus;
        ElementSize = (int)((modulus.GetBitLength() + 7) / 8);
        _half = (modulus - 1) / 2;
    }

    private readonly BigInteger _half;

    /// <summary>The default group, over the RSA-2048 challenge modulus.</summary>
    public static RsaGroup Rsa2048 => Rsa2048Group.Value;

    public BigInteger Modulus { get; }

    /// <summary>Bytes of one encoded element: the modulus' byte length (256 for RSA-2048).</summary>
    public int ElementSize { get; }

    /// <summary>The representative of {v, −v}: the smaller of v mod N and N − (v mod N).</summary>
    public BigInteger Canonical(BigInteger value)
    {
        var v = BigInteger.Remainder(value, Modulus);
        if (v.Sign < 0) v += Modulus;
        return v > _half ? Modulus - v : v;
    }

    /// <summary>
    /// True for the canonical form of a unit: 1 ≤ v ≤ (N − 1)/2 and gcd(v, N) = 1. Rejects 0, the non-canonical half
    /// (so every element has one encoding) and values sharing a factor with N (which would factor it). The identity 1
    /// is valid: a proof is 1 whenever 2^T &lt; ℓ.
    /// </summary>
    public bool IsValidElement(BigInteger value) =>
        value.Sign > 0 && value <= _half && BigInteger.GreatestCommonDivisor(value, Modulus).IsOne;

    /// <summary>
    /// Maps bytes to a group element: Keccak-256 in counter mode, block i = Keccak(domain ‖ attempt ‖ i ‖ input), both
    /// counters 4-byte big-endian, concatenated to <see cref="ElementSize"/> + 16 bytes (the extra 128 bits make the
    /// reduction mod N close to uniform), read big-endian, reduced mod N and made canonical. If that is not a valid
    /// element other than the identity (probability about 2^−2000 for RSA-2048) the attempt counter moves on.
    /// </summary>
    public BigInteger HashToElement(ReadOnlySpan<byte> input)
    {
        var length = ElementSize + 16;
        var blocks = (length + Hash32.Size - 1) / Hash32.Size;
        var wide = new byte[blocks * Hash32.Size];
        var message = new byte[HashToGroupDomain.Length + 8 + input.Length];
        HashToGroupDomain.CopyTo(message, 0);
        input.CopyTo(message.AsSpan(HashToGroupDomain.Length + 8));
        for (uint attempt = 0; ; attempt++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(message.AsSpan(HashToGroupDomain.Length), attempt);
            for (uint i = 0; i < blocks; i++)
            {
                BinaryPrimitives.WriteUInt32BigEndian(message.AsSpan(HashToGroupDomain.Length + 4), i);
                Keccak256.Hash(message).WriteTo(wide.AsSpan((int)i * Hash32.Size));
            }
            var x = Canonical(new BigInteger(wide.AsSpan(0, length), isUnsigned: true, isBigEndian: true));
            if (!x.IsOne && IsValidElement(x)) return x;
        }
    }

    /// <summary>Fixed-length big-endian encoding, <see cref="ElementSize"/> bytes.</summary>
    public byte[] Encode(BigInteger element)
    {
        var bytes = new byte[ElementSize];
        Encode(element, bytes);
        return bytes;
    }

    public void Encode(BigInteger element, Span<byte> destination)
    {
        if (element.Sign < 0 || element >= Modulus) throw new ArgumentOutOfRangeException(nameof(element), "not reduced mod N");
        if (destination.Length != ElementSize) throw new ArgumentException($"an element takes {ElementSize} bytes", nameof(destination));
        destination.Clear();
        var size = element.GetByteCount(isUnsigned: true);
        element.TryWriteBytes(destination[(ElementSize - size)..], out _, isUnsigned: true, isBigEndian: true);
    }

    /// <summary>Reads an element written by <see cref="Encode(BigInteger)"/>; false unless it is a valid canonical element.</summary>
    public bool TryDecode(ReadOnlySpan<byte> bytes, out BigInteger element)
    {
        element = BigInteger.Zero;
        if (bytes.Length != ElementSize) return false;
        var v = new BigInteger(bytes, isUnsigned: true, isBigEndian: true);
        if (!IsValidElement(v)) return false;
        element = v;
        return true;
    }
}
