using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Consensus;
using HarmonySim.Protocol.Consensus.Messages;
using HarmonySim.Protocol.Crypto;
using HarmonySim.Protocol.Sharding.Crosslinks;
using HarmonySim.Protocol.Tests.Builders;

namespace HarmonySim.Protocol.Tests.Sharding;

/// <summary>Reference §3.3: the beacon's crosslink check answers in sentences, one per failed step of the quorum certificate.</summary>
[TestClass]
public sealed class CrosslinkVerifierTests
{
    private static readonly Hash32 BlockHash = Keccak256.Hash("shard 1 block 9"u8);

    // Shard 1's committee: five slots over four keys, slot 4 repeating slot 0's key (it never votes).
    private readonly FbftFixture _f = new(4);

    private FixedCommitteeProvider Committees() => new(
        new Committee(1, 0, [.. Enumerable.Range(0, 5).Select(i => new CommitteeSlot(_f.Keys[i % 4].Public, FbftFixture.OwnerOf(i % 4)))], _f.Scheme));

    [TestMethod]
    [DataRow(new[] { 0, 1, 2 }, new[] { 0, 1, 2 }, null)]
    [DataRow(new[] { 0, 1 }, new[] { 0, 1 }, "the signers are not a quorum of the shard's committee")]
    // A bit on the non-voting slot was never told apart from a missing quorum here, and still is not.
    [DataRow(new[] { 0, 1, 2, 4 }, new[] { 0, 1, 2 }, "the signers are not a quorum of the shard's committee")]
    [DataRow(new[] { 0, 1, 3 }, new[] { 0, 1, 2 }, "the commit signature does not verify")]
    public void Each_failed_step_has_its_sentence(int[] bitmap, int[] signedBy, string? expected)
    {
        var payload = SigningPayloads.Commit(9, BlockHash, 3);
        var link = new Crosslink(1, 9, 3, 0, BlockHash, _f.Aggregate(payload, signedBy), SignerBitmap.Of(5, bitmap).ToBytes());
        Assert.AreEqual(expected, CrosslinkVerifier.Verify(link, Committees()));
    }
}
