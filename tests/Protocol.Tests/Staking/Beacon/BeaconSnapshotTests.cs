using HarmonySim.Protocol.Staking.Beacon;
using HarmonySim.Protocol.Staking.State;
using HarmonySim.Protocol.Staking.Transactions;
using static HarmonySim.Protocol.Tests.Staking.Beacon.BeaconBuilder;

namespace HarmonySim.Protocol.Tests.Staking.Beacon;

/// <summary>Reward shares come from the epoch-start snapshot (reference §4.4): a delegation earns from the epoch after it is made.</summary>
[TestClass]
public sealed class BeaconSnapshotTests
{
    [TestMethod]
    public void A_delegation_made_during_an_epoch_earns_from_the_next_epoch()
    {
        var b = new BeaconBuilder(blocksPerEpoch: 4);
        var chain = b.Chain();
        var d4 = b.D(4);
        chain.Step(new BeaconBody([b.Sign(new DelegateStake(d4, V2, Units.One(10_000)), 0, 4)], [], []));
        chain.StepUntil(4); // the rest of epoch 0: V2 signs every block
        Assert.AreEqual(0, chain.State.Staking.ValidatorAt(V2)!.DelegationOf(d4).Reward.Sign, "not in epoch 0's snapshot: no share");
        Assert.IsNotNull(chain.State.SnapshotOf(V2, 1)?.Delegations.GetValueOrDefault(d4), "in epoch 1's snapshot");

        chain.Step(); // block 4, epoch 1: pays block 3's signers (epoch 0) from epoch 1's snapshot
        chain.Step();
        Assert.AreEqual(1, chain.State.Staking.ValidatorAt(V2)!.DelegationOf(d4).Reward.Sign, "earns once the epoch's snapshot holds it");
        Assert.AreEqual(b.GenesisSupply + chain.State.Minted - chain.State.Burned, chain.State.Staking.TotalSupply());
    }
}
