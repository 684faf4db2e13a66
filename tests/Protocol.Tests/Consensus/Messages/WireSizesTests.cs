using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Consensus.Messages;
using HarmonySim.Protocol.Crypto;
using HarmonySim.Protocol.Tests.Builders;

namespace HarmonySim.Protocol.Tests.Consensus.Messages;

/// <summary>Harmony's encoded sizes of consensus messages, field by field (docs/DESIGN-NOTES.md, "Wire sizes").</summary>
[TestClass]
public sealed class WireSizesTests
{
    private readonly FbftFixture _f = new(4);

    [TestMethod]
    public void A_single_key_prepare_is_its_fields_plus_the_envelope_frame_pubsub_and_transport()
    {
        var block = _f.FirstBlock();
        var vote = _f.Prepare(block, 1);
        // ConsensusRequest: view 1 (2 B), number 1 (2 B), shard 0 (omitted), hash (34), sender key (50), signature payload (98).
        const int request = 2 + 2 + 34 + 50 + 98;
        Assert.AreEqual(request, WireSizes.Request(vote, 4));
        // Message: type (2 B), no envelope signature on a vote, the request as field 5 (tag and 2-byte length).
        Assert.AreEqual(2 + 3 + request, WireSizes.Envelope(vote, 4));
        // Harmony's frame (6) around it: 197 bytes of pubsub data.
        // Pubsub: from (2 + 39), data (3 + 197), seqno (10), topic "harmony/0.0.1/node/beacon" (27), signature (73) = 351;
        // the RPC's publish field (3 + 351) and the stream's 2-byte length prefix; then yamux (12) and one Noise frame (18).
        Assert.AreEqual(2 + 3 + 351 + 12 + 18, WireSizes.Of(vote, 4));
    }

    [TestMethod]
    public void A_multi_key_vote_carries_a_bitmap_over_the_committee_instead_of_a_key()
    {
        var block = _f.FirstBlock();
        var one = WireSizes.Request(_f.Prepare(block, 1), 4);
        Assert.AreEqual(one - 50 + 3, WireSizes.Request(_f.Prepare(block, 1, 2), 4), "a 4-key committee: 1-byte bitmap");
        Assert.AreEqual(one - 50 + 2 + 125, WireSizes.Request(_f.Prepare(block, 1, 2), 1000), "1000 keys: 125-byte bitmap, 2-byte length");
    }

    [TestMethod]
    public void Announce_and_prepared_carry_the_whole_block_and_grow_with_its_transactions()
    {
        var empty = _f.FirstBlock();
        var header = empty.Header;
        var full = new Block(header, [.. Enumerable.Range(0, 1000).Select(_ => new byte[200])]);
        // Each 200-byte transaction is a 2-byte-prefixed RLP string; the transactions' list prefix grows from 1 to 4
        // bytes and the block's own list prefix by one.
        Assert.AreEqual((1000 * 202) + 3 + 1, full.EncodedSize - empty.EncodedSize);
        Assert.IsTrue(WireSizes.Of(_f.Announce(full), 4) > full.EncodedSize);
        Assert.IsTrue(WireSizes.Of(_f.Announce(full), 4) - full.EncodedSize < 600, "envelope, frame, pubsub and transport stay under 600 bytes");
        var prepared = _f.Prepared(full, [0, 1, 2]);
        Assert.AreEqual(WireSizes.Request(_f.Announce(full), 4) - 34 + (2 + 96 + 1), WireSizes.Request(prepared, 4), "PREPARED: aggregate and bitmap instead of the hash payload");
    }

    [TestMethod]
    public void Committed_carries_the_aggregate_and_bitmap_but_no_block()
    {
        var big = SignerBitmap.Of(250, 0, 1, 2);
        var committed = new Committed(1, 7, 9, default, _f.Aggregate([1], 0), big, _f.Keys[0].Public, FbftFixture.Zero);
        // view 7, number 9, shard 1 (2 B each), hash 34, key 50, payload 96 + 32-byte bitmap with a 3-byte header.
        Assert.AreEqual(6 + 34 + 50 + 3 + 96 + 32, WireSizes.Request(committed, 250));
        Assert.AreEqual(2 + 98 + 3 + WireSizes.Request(committed, 250), WireSizes.Envelope(committed, 250), "type, envelope signature, request");
    }

    [TestMethod]
    public void The_transport_adds_a_noise_frame_per_64_kib()
    {
        Assert.AreEqual(100 + 12 + 18, WireSizes.Transport(100));
        Assert.AreEqual(2_000_000 + 12 + (18 * 31), WireSizes.Transport(2_000_000));
    }
}
