using HarmonySim.Protocol.Chain;

namespace HarmonySim.Protocol.Staking;

/// <summary>Addresses ordered as Harmony's <c>bytes.Compare</c> orders them: lexicographically over the 20 bytes.</summary>
public sealed class AddressOrder : IComparer<Address>
{
    public static readonly AddressOrder Instance = new();

    public int Compare(Address x, Address y)
    {
        Span<byte> a = stackalloc byte[Address.Size];
        Span<byte> b = stackalloc byte[Address.Size];
        x.WriteTo(a);
        y.WriteTo(b);
        return a.SequenceCompareTo(b);
    }
}
