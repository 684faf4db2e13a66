using CsCheck;
using HarmonySim.Protocol.Chain;

namespace HarmonySim.Protocol.Tests.Chain;

/// <summary>The strict RLP reader accepts exactly what <see cref="RlpWriter"/> writes.</summary>
[TestClass]
public sealed class RlpReaderTests
{
    [TestMethod]
    public void Nested_structures_written_by_the_writer_read_back_exactly()
    {
        // A random tree: each node is a string (its bytes) or a list of up to 4 children, depth at most 4.
        Gen.Select(Gen.Byte.Array[0, 80].Array[1, 12], Gen.Int[0, 3].Array[12]).Sample((strings, shape) =>
        {
            var w = new RlpWriter().StartList();
            var open = 1;
            for (var i = 0; i < strings.Length; i++)
            {
                if (shape[i] == 0 && open < 4) { w.StartList(); open++; }
                w.Bytes(strings[i]);
                if (shape[i] == 1 && open > 1) { w.EndList(); open--; }
            }
            while (open-- > 0) w.EndList();
            var bytes = w.ToArray();
            Assert.IsTrue(RlpReader.TryDecode(bytes, out var item, out var error), error);
            Assert.AreEqual(strings.Length, Flatten(item!).Count());
            CollectionAssert.AreEqual(strings.SelectMany(s => s).ToArray(), Flatten(item!).SelectMany(s => s).ToArray());
        }, iter: 500);
    }

    [TestMethod]
    public void Lists_nested_past_the_limit_are_refused()
    {
        Assert.IsTrue(RlpReader.TryDecode(Nested(RlpReader.MaxDepth), out _, out var error), error);
        Assert.IsFalse(RlpReader.TryDecode(Nested(RlpReader.MaxDepth + 1), out _, out error));
        StringAssert.Contains(error, "nested deeper");
    }

    [TestMethod]
    public void Non_canonical_lengths_are_refused()
    {
        Assert.IsFalse(RlpReader.TryDecode(new byte[] { 0xb8, 0x00 }, out _, out var e1));
        StringAssert.Contains(e1, "leading zero");
        Assert.IsFalse(RlpReader.TryDecode(new byte[] { 0xf8, 0x01, 0x80 }, out _, out var e2));
        StringAssert.Contains(e2, "short form");
        Assert.IsFalse(RlpReader.TryDecode(new byte[] { 0xbf, 1, 2, 3, 4, 5, 6, 7, 8 }, out _, out var e3));
        Assert.IsNotNull(e3);
        Assert.IsFalse(RlpReader.TryDecode(new byte[] { 0xc2, 0x80 }, out _, out var e4));
        StringAssert.Contains(e4, "past the end");
    }

    // `lists` lists, each holding the next; the innermost is empty.
    private static byte[] Nested(int lists) => [.. Enumerable.Range(0, lists - 1).Select(i => (byte)(0xc0 + lists - 1 - i)), 0xc0];

    private static IEnumerable<byte[]> Flatten(RlpItem item) =>
        item.IsList ? item.Items.SelectMany(Flatten) : [item.Bytes.ToArray()];
}
