using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Crypto;

namespace HarmonySim.Protocol.Tests.Chain;

[TestClass]
public sealed class BlockHeaderTests
{
    [TestMethod]
    public void Keccak256_matches_the_known_empty_and_abc_digests()
    {
        Assert.AreEqual(Hash32.FromHex("c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470"), Keccak256.Hash([]));
        Assert.AreEqual(Hash32.FromHex("4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45"), Keccak256.Hash("abc"u8));
    }

    [TestMethod]
    public void Rlp_matches_the_ethereum_examples()
    {
        CollectionAssert.AreEqual(new byte[] { 0x83, (byte)'d', (byte)'o', (byte)'g' }, new RlpWriter().Bytes("dog"u8).ToArray());
        CollectionAssert.AreEqual(Convert.FromHexString("c88363617483646f67"), new RlpWriter().StartList().Bytes("cat"u8).Bytes("dog"u8).EndList().ToArray());
        CollectionAssert.AreEqual(new byte[] { 0x80 }, new RlpWriter().UInt(0).ToArray());
        CollectionAssert.AreEqual(new byte[] { 0x0f }, new RlpWriter().UInt(15).ToArray());
        CollectionAssert.AreEqual(new byte[] { 0x82, 0x04, 0x00 }, new RlpWriter().UInt(1024).ToArray());
        CollectionAssert.AreEqual(new byte[] { 0xc0 }, new RlpWriter().StartList().EndList().ToArray());
        var longString = new byte[60];
        CollectionAssert.AreEqual(new byte[] { 0xb8, 60 }, new RlpWriter().Bytes(longString).ToArray()[..2]);
        // [ [], [[]], [ [], [[]] ] ]
        var nested = new RlpWriter().StartList().StartList().EndList().StartList().StartList().EndList().EndList()
            .StartList().StartList().EndList().StartList().StartList().EndList().EndList().EndList().EndList().ToArray();
        CollectionAssert.AreEqual(Convert.FromHexString("c7c0c1c0c3c0c1c0"), nested);
    }

    [TestMethod]
    public void Hash_is_keccak_of_the_canonical_encoding_and_every_consensus_field_changes_it()
    {
        var baseHeader = new BlockHeader { Number = 5, ViewId = 7, Epoch = 1, ShardId = 2, Time = 100, LastCommitBitmap = [0x0f] };
        Assert.AreEqual(Keccak256.Hash(baseHeader.Encode()), baseHeader.Hash);
        BlockHeader[] variants =
        [
            new() { Number = 6, ViewId = 7, Epoch = 1, ShardId = 2, Time = 100, LastCommitBitmap = [0x0f] },
            new() { Number = 5, ViewId = 8, Epoch = 1, ShardId = 2, Time = 100, LastCommitBitmap = [0x0f] },
            new() { Number = 5, ViewId = 7, Epoch = 2, ShardId = 2, Time = 100, LastCommitBitmap = [0x0f] },
            new() { Number = 5, ViewId = 7, Epoch = 1, ShardId = 3, Time = 100, LastCommitBitmap = [0x0f] },
            new() { Number = 5, ViewId = 7, Epoch = 1, ShardId = 2, Time = 101, LastCommitBitmap = [0x0f] },
            new() { Number = 5, ViewId = 7, Epoch = 1, ShardId = 2, Time = 100, LastCommitBitmap = [0x0e] },
            new() { Number = 5, ViewId = 7, Epoch = 1, ShardId = 2, Time = 100, LastCommitBitmap = [0x0f], ShardState = [1] },
            new() { Number = 5, ViewId = 7, Epoch = 1, ShardId = 2, Time = 100, LastCommitBitmap = [0x0f], ParentHash = Keccak256.Hash("p"u8) },
            new() { Number = 5, ViewId = 7, Epoch = 1, ShardId = 2, Time = 100, LastCommitBitmap = [0x0f], LastCommitSignature = new Signature(new byte[96]) { } },
        ];
        // A zero signature encodes like an absent one (genesis); every other change moves the hash.
        foreach (var v in variants[..^1]) Assert.AreNotEqual(baseHeader.Hash, v.Hash);
    }

    [TestMethod]
    public void A_block_body_must_match_the_transaction_root()
    {
        var txs = new List<byte[]> { new byte[] { 1, 2 }, new byte[] { 3 } };
        var header = new BlockHeader { Number = 1, TxHash = Block.TransactionsRoot(txs) };
        Assert.IsTrue(new Block(header, txs).BodyMatchesHeader());
        Assert.IsFalse(new Block(header, [new byte[] { 1, 2 }]).BodyMatchesHeader());
    }

    [TestMethod]
    public void A_header_with_other_extra_data_keeps_every_other_field()
    {
        var h = new BlockHeader { Number = 9, ViewId = 4, Epoch = 2, ShardId = 1, Time = 77, LastCommitBitmap = [0x07], ShardState = [5], Vrf = [1, 2], ParentHash = Keccak256.Hash("p"u8) };
        var other = h.WithExtra([1]);
        CollectionAssert.AreEqual(new byte[] { 1 }, other.Extra);
        Assert.AreNotEqual(h.Hash, other.Hash);
        Assert.AreEqual(h.Hash, other.WithExtra([]).Hash, "only the extra data differed");
    }
}
