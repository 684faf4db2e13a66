using HarmonySim.Protocol.Staking;
using HarmonySim.Protocol.Staking.State;
using HarmonySim.Protocol.Staking.Transactions;
using static HarmonySim.Protocol.Tests.Staking.StakingBuilder;

namespace HarmonySim.Protocol.Tests.Staking;

/// <summary>Staking transactions decode back from their canonical encoding, and garbage gives a reason, never an exception.</summary>
[TestClass]
public sealed class StakingTransactionDecodingTests
{
    private static IEnumerable<StakingTransaction> Samples() =>
    [
        Create(Addr(1), One(20_000), MarkerKey(1), MarkerKey(2)) with { Description = new ValidatorDescription("name", "id", "web", "sec", "détails") },
        new EditValidator(Addr(2)),
        new EditValidator(Addr(2), new ValidatorDescription("n"), 0.07m, One(11_000), One(1_000_000), MarkerKey(3).Key, MarkerKey(4), ValidatorStatus.Inactive),
        new DelegateStake(Addr(3), Addr(1), One(1_000)),
        new UndelegateStake(Addr(3), Addr(1), One(500)),
        new CollectRewards(Addr(3)),
    ];

    [TestMethod]
    public void Every_kind_round_trips()
    {
        foreach (var tx in Samples())
        {
            var encoded = StakingTransactionEncoding.Encode(tx, 7, 2);
            var decoded = StakingTransactionDecoding.Decode(encoded);
            Assert.IsTrue(decoded.Ok, $"{tx.GetType().Name}: {decoded.Error}");
            Assert.AreEqual(7UL, decoded.Value!.Nonce);
            Assert.AreEqual(2UL, decoded.Value.ChainId);
            CollectionAssert.AreEqual(encoded, StakingTransactionEncoding.Encode(decoded.Value.Message, 7, 2), tx.GetType().Name);
        }
    }

    [TestMethod]
    public void Mutated_encodings_never_throw_and_anything_accepted_is_canonical()
    {
        var random = new Random(5);
        foreach (var tx in Samples())
        {
            var encoded = StakingTransactionEncoding.Encode(tx, 1, 1);
            for (var i = 0; i < 500; i++)
            {
                var mutated = (byte[])encoded.Clone();
                mutated[random.Next(mutated.Length)] ^= (byte)(1 + random.Next(255));
                var decoded = StakingTransactionDecoding.Decode(mutated);
                if (decoded.Ok) CollectionAssert.AreEqual(mutated, StakingTransactionEncoding.Encode(decoded.Value!.Message, decoded.Value.Nonce, decoded.Value.ChainId));
                else StringAssert.Contains(decoded.Error, "staking");
            }
            Assert.IsFalse(StakingTransactionDecoding.Decode(encoded.AsMemory(0, encoded.Length - 3)).Ok);
        }
    }
}
