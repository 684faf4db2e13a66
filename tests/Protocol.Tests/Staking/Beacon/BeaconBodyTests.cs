using HarmonySim.Protocol.Sharding;
using HarmonySim.Protocol.Sharding.Randomness;
using HarmonySim.Protocol.Staking.Beacon;
using HarmonySim.Protocol.Staking.State;
using HarmonySim.Protocol.Staking.Transactions;
using static HarmonySim.Protocol.Tests.Staking.Beacon.BeaconBuilder;

namespace HarmonySim.Protocol.Tests.Staking.Beacon;

/// <summary><see cref="BeaconBody.CheckAgainst"/>: the header commits to every part of the body.</summary>
[TestClass]
public sealed class BeaconBodyTests
{
    private static readonly BeaconBuilder B = new(resharding: new ReshardingPolicy(ReshardingPolicyKind.Randomness, 50));

    private static (BeaconChain Chain, BeaconBody Body) Full()
    {
        var chain = B.Chain();
        chain.Step();
        var beacon = chain.Committee(0);
        var tx = B.Sign(new DelegateStake(B.D(4), V2, Units.One(10_000)), 0, 4);
        var link = B.Crosslink(chain.Committee(1), 1);
        var slash = B.DoubleSign(beacon.KeyAt(SlotsOf(beacon, V1)[0]), 1);
        var contribution = RandomnessRound.Contribute(beacon, chain.State.RandomnessSeed, B.KeyOf(beacon.KeyAt(0)));
        return (chain, new BeaconBody([tx], [link], [slash], [contribution]));
    }

    [TestMethod]
    public void A_header_built_from_the_body_matches_it_and_the_block_applies()
    {
        var (chain, body) = Full();
        var header = chain.Header(body);
        Assert.IsNull(body.CheckAgainst(header, [], ChainId));
        Assert.IsNull(BeaconBody.Empty.CheckAgainst(chain.Header(BeaconBody.Empty), [], ChainId));
        var outcome = chain.Apply(header, body);
        Assert.IsNull(outcome.Error);
        Assert.HasCount(1, outcome.Slashes);
    }

    [TestMethod]
    public void Every_body_part_the_header_does_not_reflect_is_reported()
    {
        var (chain, body) = Full();
        var header = chain.Header(body);
        var otherTx = B.Sign(new DelegateStake(B.D(3), V2, Units.One(10_000)), 0, 3);
        Assert.AreEqual("transactions do not match the header's TxHash", (body with { Staking = [otherTx] }).CheckAgainst(header, [], ChainId));
        Assert.AreEqual("transactions do not match the header's TxHash", (body with { Staking = [] }).CheckAgainst(header, [], ChainId));
        Assert.AreEqual("transactions do not match the header's TxHash", body.CheckAgainst(header, [[1, 2, 3]], ChainId));
        Assert.AreEqual("transactions do not match the header's TxHash", body.CheckAgainst(header, [], ChainId + 1));
        Assert.AreEqual("crosslinks do not match the header", (body with { Crosslinks = [] }).CheckAgainst(header, [], ChainId));
        Assert.AreEqual("crosslinks do not match the header",
            (body with { Crosslinks = [body.Crosslinks[0] with { Bitmap = [0x01] }] }).CheckAgainst(header, [], ChainId));
        Assert.AreEqual("slash records do not match the header", (body with { Slashes = [] }).CheckAgainst(header, [], ChainId));
        Assert.AreEqual("slash records do not match the header",
            (body with { Slashes = [body.Slashes[0] with { Reporter = Leader }] }).CheckAgainst(header, [], ChainId));
        Assert.AreEqual("randomness contributions do not match the header", (body with { Randomness = null }).CheckAgainst(header, [], ChainId));
        Assert.AreEqual("randomness contributions do not match the header",
            (body with { Randomness = [body.Contributions[0] with { Proof = [.. body.Contributions[0].Proof.Reverse()] }] }).CheckAgainst(header, [], ChainId));
    }
}
