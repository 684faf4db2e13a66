using HarmonySim.Protocol.Crypto;

namespace HarmonySim.Protocol.Tests.Crypto;

/// <summary>Reference §2: the mask is ceil(n/8) bytes, member i at byte i/8, bit 1 &lt;&lt; (i mod 8).</summary>
[TestClass]
public sealed class SignerBitmapTests
{
    [TestMethod]
    public void Bits_are_least_significant_first_over_committee_order()
    {
        var bitmap = SignerBitmap.Of(10, 0, 3, 8, 9);
        CollectionAssert.AreEqual(new byte[] { 0b0000_1001, 0b0000_0011 }, bitmap.ToBytes());
        Assert.AreEqual(4, bitmap.Count);
        CollectionAssert.AreEqual(new[] { 0, 3, 8, 9 }, bitmap.Members().ToArray());
    }

    [TestMethod]
    public void Wire_form_round_trips_for_every_size()
    {
        foreach (var n in new[] { 1, 7, 8, 9, 63, 64, 65, 250, 2500 })
        {
            var members = Enumerable.Range(0, n).Where(i => i % 3 == 0 || i == n - 1).ToArray();
            var bitmap = SignerBitmap.Of(n, members);
            Assert.AreEqual((n + 7) / 8, bitmap.ByteLength);
            Assert.AreEqual(bitmap, SignerBitmap.FromBytes(bitmap.ToBytes(), n));
        }
    }

    [TestMethod]
    public void Wrong_length_is_rejected_with_a_reason()
    {
        Assert.IsFalse(SignerBitmap.TryFromBytes(new byte[3], 10, out _, out var error));
        StringAssert.Contains(error, "needs 2");
        Assert.ThrowsExactly<FormatException>(() => SignerBitmap.FromBytes(new byte[1], 10));
    }

    [TestMethod]
    public void Bits_past_the_committee_are_rejected()
    {
        Assert.IsFalse(SignerBitmap.TryFromBytes([0x00, 0b0000_0100], 10, out _, out var error));
        StringAssert.Contains(error, "past the committee");
        Assert.IsTrue(SignerBitmap.TryFromBytes([0x00, 0b0000_0010], 10, out _, out _));
    }

    [TestMethod]
    public void Subset_and_overlap()
    {
        var small = SignerBitmap.Of(100, 1, 70);
        var large = SignerBitmap.Of(100, 1, 2, 70);
        Assert.IsTrue(small.IsSubsetOf(large));
        Assert.IsFalse(large.IsSubsetOf(small));
        Assert.IsTrue(small.Overlaps(large));
        Assert.IsFalse(SignerBitmap.Of(100, 3).Overlaps(small));
    }

    [TestMethod]
    public void Builder_reports_a_member_set_twice()
    {
        var builder = new SignerBitmapBuilder(5);
        Assert.IsTrue(builder.Set(2));
        Assert.IsFalse(builder.Set(2));
        Assert.AreEqual(1, builder.Count);
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => builder.Set(5));
    }
}
