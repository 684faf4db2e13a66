using CsCheck;
using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Staking;

namespace HarmonySim.Protocol.Tests.Chain;

/// <summary>Address comparison works on the packed words; it must equal the byte order Harmony sorts by.</summary>
[TestClass]
public sealed class AddressOrderTests
{
    [TestMethod]
    public void Comparing_addresses_is_comparing_their_bytes()
    {
        // Mostly equal prefixes, so every word boundary gets exercised.
        var bytes = Gen.Byte[0, 2].Array[Address.Size];
        Gen.Select(bytes, bytes).Sample((a, b) =>
        {
            var expected = Math.Sign(a.AsSpan().SequenceCompareTo(b));
            Assert.AreEqual(expected, Math.Sign(new Address(a).CompareTo(new Address(b))));
            Assert.AreEqual(expected, Math.Sign(AddressOrder.Instance.Compare(new Address(a), new Address(b))));
            Assert.AreEqual(expected < 0, new Address(a) < new Address(b));
            Assert.AreEqual(expected >= 0, new Address(a) >= new Address(b));
        }, iter: 2000);
        var high = new byte[Address.Size];
        high[0] = 0xff;
        var low = new byte[Address.Size];
        low[19] = 0xff;
        Assert.IsGreaterThan(0, new Address(high).CompareTo(new Address(low)), "unsigned, most significant byte first");
    }
}
