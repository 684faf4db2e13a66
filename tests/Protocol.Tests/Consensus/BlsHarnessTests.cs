using HarmonySim.Protocol.Consensus.Messages;
using HarmonySim.Protocol.Crypto;
using HarmonySim.Protocol.Crypto.Bls;
using HarmonySim.Protocol.Tests.Harness;

namespace HarmonySim.Protocol.Tests.Consensus;

/// <summary>FBFT over real BLS12-381: the consensus code runs unchanged with the bls scheme.</summary>
[TestClass]
public sealed class BlsHarnessTests
{
    [TestMethod]
    public void Sixty_four_nodes_commit_with_bls_and_every_commit_signature_verifies_independently()
    {
        var net = new TestNetwork(new NetworkSpec
        {
            Nodes = [.. Enumerable.Repeat(new NodeSpec(), 64)],
            Seed = 3,
            SchemeFactory = () => new SharedVerificationScheme(new BlsSignatureScheme()),
        }).Run(TimeSpan.FromSeconds(60), n => n.MinHonestHeight >= 4);

        Assert.AreEqual("bls", net.Scheme.Name);
        Assert.IsEmpty(net.SafetyViolations);
        Assert.IsGreaterThanOrEqualTo(4UL, net.MinHonestHeight);

        // Check with the ciphersuite directly (not through the scheme the nodes used): each committed block's
        // aggregate over its commit payload, and the copy of it that the next header carries.
        var chain = net.Chains[5];
        var keys = net.Committee.Slots.Select(s => s.Key.ToArray()).ToArray();
        for (var i = 1; i < chain.Count; i++)
        {
            var c = chain[i];
            var signers = c.CommitBitmap!.Members().Select(m => keys[m]).ToList();
            Assert.IsGreaterThanOrEqualTo(net.Committee.CountThreshold, signers.Count);
            Assert.IsTrue(BlsCiphersuite.FastAggregateVerify(signers, SigningPayloads.Commit(c.Header), c.CommitSignature!.Bytes), $"block {c.Number}");
            if (i + 1 < chain.Count)
            {
                var next = chain[i + 1].Header;
                var carried = SignerBitmap.FromBytes(next.LastCommitBitmap, keys.Length).Members().Select(m => keys[m]).ToList();
                Assert.IsTrue(BlsCiphersuite.FastAggregateVerify(carried, SigningPayloads.Commit(c.Header), next.LastCommitSignature!.Bytes), $"header {next.Number}");
            }
        }
        Assert.IsGreaterThan(0L, ((SharedVerificationScheme)net.Scheme).Hits);
    }
}
