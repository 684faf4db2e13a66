using HarmonySim.Protocol.Chain;

namespace HarmonySim.Protocol.Staking;

/// <summary>Addresses ordered as Harmony's <c>bytes.Compare</c> orders them: lexicographically over the 20 bytes.</summary>
public sealed class AddressOrder : IComparer<Address>
{
    public static readonly AddressOrder Instance = new();

    public int Compare(Address x, Address y) => x.CompareTo(y);
}
