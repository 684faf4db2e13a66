using System.Numerics;
using CsCheck;
using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Crypto;

namespace HarmonySim.Protocol.Tests.Chain;

/// <summary>The writer's direct forms write exactly what their array-based equivalents write.</summary>
[TestClass]
public sealed class RlpWriterTests
{
    [TestMethod]
    public void A_signed_integer_is_written_as_RlpValues_encodes_it_at_every_size_and_sign()
    {
        // Up to 80 bytes of magnitude: past the writer's 64-byte stack buffer, so its fallback is covered too.
        Gen.Select(Gen.Byte.Array[0, 80], Gen.Bool).Sample((magnitude, negative) =>
        {
            var value = new BigInteger(magnitude, isUnsigned: true, isBigEndian: true);
            if (negative) value = -value;
            var direct = new RlpWriter().SignedInteger(value).ToArray();
            var viaArray = new RlpWriter().Bytes(RlpValues.SignedInteger(value)).ToArray();
            CollectionAssert.AreEqual(viaArray, direct, $"value {value}");
        });
    }

    [TestMethod]
    public void Hashes_and_addresses_are_written_as_their_bytes()
    {
        Gen.Byte.Array[Hash32.Size].Sample(bytes =>
        {
            var hash = new Hash32(bytes);
            var address = new Address(bytes.AsSpan(0, Address.Size));
            CollectionAssert.AreEqual(new RlpWriter().Bytes(bytes).Bytes(bytes.AsSpan(0, Address.Size)).ToArray(),
                new RlpWriter().Bytes(hash).Bytes(address).ToArray());
        });
    }

    [TestMethod]
    public void Lists_nested_deeper_than_the_first_allocation_close_in_order()
    {
        const int depth = 11;
        var w = new RlpWriter();
        for (var i = 0; i < depth; i++) w.StartList().UInt((ulong)i);
        for (var i = 0; i < depth; i++) w.EndList();
        Assert.IsTrue(RlpReader.TryDecode(w.ToArray(), out var item, out var error), error);
        for (var i = 0; i < depth; i++)
        {
            Assert.IsTrue(item!.IsList);
            Assert.AreEqual(i == depth - 1 ? 1 : 2, item.Items.Count, $"level {i}");
            item = i == depth - 1 ? null : item.Items[1];
        }
        Assert.ThrowsExactly<InvalidOperationException>(() => new RlpWriter().EndList());
    }
}
