using HarmonySim.Protocol.Tests.Harness;

namespace HarmonySim.Protocol.Tests.Consensus;

/// <summary>Whole-committee behaviour in the deterministic harness: the claims of reference §1 end to end.</summary>
[TestClass]
public sealed class FbftScenarioTests
{
    private static NodeSpec[] Honest(int n) => [.. Enumerable.Repeat(new NodeSpec(), n)];

    [TestMethod]
    public void A_crashed_leader_is_replaced_by_view_change_and_blocks_keep_committing()
    {
        var net = new TestNetwork(new NetworkSpec
        {
            Nodes = Honest(4),
            Crashes = [new CrashSpec(Node: 0, At: TimeSpan.FromSeconds(10))],
        }).Run(TimeSpan.FromSeconds(200));

        Assert.IsEmpty(net.SafetyViolations);
        Assert.IsGreaterThanOrEqualTo(1, net.ViewChangesStarted);
        Assert.IsGreaterThanOrEqualTo(1, net.NewViewsEntered);
        Assert.IsGreaterThan(50UL, net.MinHonestHeight, $"height {net.MinHonestHeight}");
        Assert.IsTrue(net.Leaders.Any(l => l.LeaderNode != 0), "a new leader proposed");
    }

    [TestMethod]
    public void A_prepared_block_survives_the_view_change_and_is_the_one_committed()
    {
        var nodes = Honest(7);
        nodes[0] = new NodeSpec(Behaviour: Byzantine.SilentAfterPrepared);
        var net = new TestNetwork(new NetworkSpec { Nodes = nodes }).Run(TimeSpan.FromSeconds(300));

        var prepared = net.PreparedBeforeSilence.Single();
        var chain = net.Chains[1];
        Assert.IsTrue(chain.Count > (int)prepared.BlockNumber, $"height {chain[^1].Number} never reached {prepared.BlockNumber}");
        Assert.AreEqual(prepared.BlockHash, chain[(int)prepared.BlockNumber].Hash);
        Assert.IsGreaterThanOrEqualTo(1, net.NewViewsEntered);
        Assert.IsEmpty(net.SafetyViolations);
        Assert.IsGreaterThan(prepared.BlockNumber + 5, net.MinHonestHeight);
    }

    [TestMethod]
    public void Split_brain_attackers_above_one_third_break_safety_so_the_checker_is_not_vacuous()
    {
        // 2 of 4 keys byzantine (1/2 > 1/3), the leader among them; honest nodes split into two sides.
        var net = new TestNetwork(new NetworkSpec
        {
            Nodes = [new NodeSpec(Behaviour: Byzantine.SplitBrain), new NodeSpec(Behaviour: Byzantine.SplitBrain), new NodeSpec(), new NodeSpec()],
            SideOf = [0, 1, 0, 1],
        }).Run(TimeSpan.FromSeconds(30));

        Assert.IsNotEmpty(net.SafetyViolations);
    }

    [TestMethod]
    public void The_same_split_brain_attack_below_one_third_cannot_break_safety_and_the_network_recovers()
    {
        var net = new TestNetwork(new NetworkSpec
        {
            Nodes = [new NodeSpec(Behaviour: Byzantine.SplitBrain), new NodeSpec(), new NodeSpec(), new NodeSpec()],
            SideOf = [0, 0, 1, 1],
        }).Run(TimeSpan.FromSeconds(300));

        Assert.IsEmpty(net.SafetyViolations);
        Assert.IsGreaterThan(10UL, net.MinHonestHeight, $"height {net.MinHonestHeight}");
        Assert.IsGreaterThanOrEqualTo(1, net.ViewChangesStarted);
    }

    [TestMethod]
    public void Same_spec_gives_the_same_chain_and_the_same_trace()
    {
        var spec = new NetworkSpec
        {
            Nodes = [new NodeSpec(Behaviour: Byzantine.SplitBrain), .. Honest(6)],
            Loss = 0.05,
            Seed = 42,
            Crashes = [new CrashSpec(3, TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(70))],
        };
        var a = new TestNetwork(spec).Run(TimeSpan.FromSeconds(120));
        var b = new TestNetwork(spec).Run(TimeSpan.FromSeconds(120));
        var c = new TestNetwork(spec with { Seed = 43 }).Run(TimeSpan.FromSeconds(120));

        Assert.AreEqual(a.TraceHash, b.TraceHash);
        CollectionAssert.AreEqual(a.Chains[1].Select(x => x.Hash).ToList(), b.Chains[1].Select(x => x.Hash).ToList());
        Assert.AreNotEqual(a.TraceHash, c.TraceHash);
    }
}
