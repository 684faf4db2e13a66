using HarmonySim.Protocol.Chain.Receipts;
using HarmonySim.Protocol.Sharding.CrossShard;
using static HarmonySim.Protocol.Tests.CrossShard.CrossShardNetwork;

namespace HarmonySim.Protocol.Tests.CrossShard;

/// <summary>A destination block takes pending proofs in order while their receipts fit the cap.</summary>
[TestClass]
public sealed class IncomingReceiptsCapTests
{
    private static readonly CrossShardNetwork Net = new(2);

    // A proof from shard 0 block `number` carrying `count` receipts to shard 1.
    private static CXReceiptsProof ProofOf(ulong number, int count)
    {
        CXReceipt[] outgoing = [.. Enumerable.Range(0, count).Select(i => Receipt(0, 1, 0, 1, 10, tx: (byte)i))];
        return Proof(Net.Commit(0, number, outgoing), outgoing, 1);
    }

    [TestMethod]
    public void Proofs_are_taken_in_order_until_the_next_one_does_not_fit()
    {
        CXReceiptsProof a = ProofOf(1, 3), b = ProofOf(2, 2), c = ProofOf(3, 4), d = ProofOf(4, 1);
        var (included, deferred, tooLarge) = IncomingReceiptsCap.Select([a, b, c, d], 6);
        CollectionAssert.AreEqual(new[] { a, b }, included.ToArray());
        CollectionAssert.AreEqual(new[] { c, d }, deferred.ToArray(), "the small proof d does not overtake c");
        Assert.IsEmpty(tooLarge);
    }

    [TestMethod]
    public void A_proof_larger_than_the_cap_is_set_aside_without_blocking_the_rest()
    {
        CXReceiptsProof big = ProofOf(1, 7), small = ProofOf(2, 2);
        var (included, deferred, tooLarge) = IncomingReceiptsCap.Select([big, small], 6);
        CollectionAssert.AreEqual(new[] { small }, included.ToArray());
        Assert.IsEmpty(deferred);
        CollectionAssert.AreEqual(new[] { big }, tooLarge.ToArray());
        StringAssert.Contains(ReceiptProofVerifier.Verify(big, 1, Net, maxReceipts: 6), "more than the cap of 6");
    }

    [TestMethod]
    public void Harmony_cap_is_6000()
    {
        Assert.AreEqual(6000, IncomingReceiptsCap.Harmony);
        Assert.HasCount(1, IncomingReceiptsCap.Select([ProofOf(1, 1)]).Included);
    }
}
