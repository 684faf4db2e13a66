using HarmonySim.Protocol.Chain.Receipts;
using HarmonySim.Protocol.Crypto;
using static HarmonySim.Protocol.Tests.CrossShard.CrossShardNetwork;

namespace HarmonySim.Protocol.Tests.CrossShard;

/// <summary>Reference §3.5's header commitment, checked against bytes written out by hand.</summary>
[TestClass]
public sealed class OutgoingReceiptsTests
{
    [TestMethod]
    public void A_receipt_encodes_as_its_fields_in_order()
    {
        var r = Receipt(0, 1, 1, 2, 1000, tx: 0xab);
        byte[] expected =
        [
            0xf8, 80,                                              // list of 80 payload bytes
            0xa0, .. Enumerable.Repeat((byte)0xab, 32),            // tx hash
            0x94, .. Addr(0).ToArray(),                            // from
            0x94, .. Addr(1).ToArray(),                            // to
            0x01, 0x02,                                            // shard 1 → shard 2
            0x82, 0x03, 0xe8,                                      // 1000
        ];
        CollectionAssert.AreEqual(expected, r.Encode());
    }

    [TestMethod]
    public void The_outgoing_hash_concatenates_BE32_shard_and_root_for_each_destination_ascending()
    {
        // Emitted in block order: to shard 3, to shard 0, to shard 3.
        var a = Receipt(0, 1, 1, 3, 1000, tx: 1);
        var b = Receipt(0, 2, 1, 0, 1000, tx: 2);
        var c = Receipt(1, 2, 1, 3, 1000, tx: 3);

        // Root of one destination: Keccak-256 over the RLP list of the receipts' encodings (each 82 bytes).
        var rootTo0 = Keccak256.Hash([0xf8, 84, 0xb8, 82, .. b.Encode()]);
        var rootTo3 = Keccak256.Hash([0xf8, 168, 0xb8, 82, .. a.Encode(), 0xb8, 82, .. c.Encode()]);
        Assert.AreEqual(rootTo0, OutgoingReceipts.Root([b]));
        Assert.AreEqual(rootTo3, OutgoingReceipts.Root([a, c]));

        var expected = Keccak256.Hash([0, 0, 0, 0, .. rootTo0.ToArray(), 0, 0, 0, 3, .. rootTo3.ToArray()]);
        Assert.AreEqual(expected, OutgoingReceipts.Hash([a, b, c]));

        var (shards, roots) = OutgoingReceipts.ShardRoots([a, b, c]);
        CollectionAssert.AreEqual(new uint[] { 0, 3 }, shards);
        CollectionAssert.AreEqual(new[] { rootTo0, rootTo3 }, roots);
    }

    [TestMethod]
    public void The_order_within_a_destination_matters_but_interleaving_with_other_destinations_does_not()
    {
        var a = Receipt(0, 1, 1, 3, 1000, tx: 1);
        var b = Receipt(0, 2, 1, 0, 1000, tx: 2);
        var c = Receipt(1, 2, 1, 3, 1000, tx: 3);
        Assert.AreEqual(OutgoingReceipts.Hash([a, b, c]), OutgoingReceipts.Hash([b, a, c]));
        Assert.AreNotEqual(OutgoingReceipts.Hash([a, b, c]), OutgoingReceipts.Hash([c, b, a]));
    }

    [TestMethod]
    public void A_block_without_cross_shard_receipts_hashes_the_empty_string()
    {
        Assert.AreEqual(Hash32.FromHex("c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470"), OutgoingReceipts.Hash([]));
    }
}
