using HarmonySim.Simulation.Network;

namespace HarmonySim.Simulation.Tests.Network;

/// <summary>
/// The fault bookkeeping, table by table. Each row applies a script of faults at time zero with node 0 leading
/// ("crash:1 restart:1", "partition:0,1|2,3", "isolate-leader" for 10 s, "slow-link:1" for 300 ms), then asks one question.
/// </summary>
[TestClass]
public sealed class NetworkFaultsTests
{
    [TestMethod]
    [DataRow("", 0, 1, 0.0, false)]
    [DataRow("crash:1", 1, 2, 0.0, true)]
    [DataRow("crash:1", 2, 1, 0.0, true)]
    [DataRow("crash:1", 0, 2, 0.0, false)]
    [DataRow("crash:1 restart:1", 1, 2, 0.0, false)]
    [DataRow("crash:1 heal", 1, 2, 0.0, true)]
    [DataRow("partition:0,1|2,3", 0, 1, 0.0, false)]
    [DataRow("partition:0,1|2,3", 1, 2, 0.0, true)]
    [DataRow("partition:0,1|2,3", 3, 0, 0.0, true)]
    [DataRow("partition:0,1", 2, 3, 0.0, false)]
    [DataRow("partition:0,1", 1, 2, 0.0, true)]
    [DataRow("partition:0,1|2,3 end-partition", 1, 2, 0.0, false)]
    [DataRow("partition:0,1|2,3 heal", 1, 2, 0.0, false)]
    [DataRow("partition:0,1|2,3 partition:0,2|1,3", 0, 1, 0.0, true)]
    [DataRow("partition:0,1|2,3 partition:0,2|1,3", 0, 2, 0.0, false)]
    [DataRow("isolate-leader", 0, 1, 5.0, true)]
    [DataRow("isolate-leader", 2, 0, 9.999, true)]
    [DataRow("isolate-leader", 0, 1, 10.0, false)]
    [DataRow("isolate-leader", 1, 2, 5.0, false)]
    [DataRow("isolate-leader heal", 0, 1, 5.0, false)]
    [DataRow("isolate-leader end-partition", 0, 1, 5.0, true)]
    [DataRow("slow-link:1", 1, 2, 0.0, false)]
    public void Blocks_cuts_exactly_the_links_the_faults_in_force_cut(string script, int from, int to, double atSeconds, bool blocked) =>
        Assert.AreEqual(blocked, Apply(script).Blocks(from, to, TimeSpan.FromSeconds(atSeconds)));

    [TestMethod]
    [DataRow("", 1, 2, 0)]
    [DataRow("slow-link:1", 1, 2, 300)]
    [DataRow("slow-link:1", 2, 1, 300)]
    [DataRow("slow-link:1", 0, 2, 0)]
    [DataRow("slow-link:1,2", 1, 2, 600)]
    [DataRow("slow-link:1,2 end-slow-link:1", 1, 2, 300)]
    [DataRow("slow-link:1 end-slow-link:2", 1, 2, 300)]
    [DataRow("slow-link:1,2 end-partition", 1, 2, 600)]
    [DataRow("slow-link:1,2 heal", 1, 2, 0)]
    [DataRow("slow-link:1 crash:1 restart:1", 1, 2, 300)]
    public void Extra_delay_adds_both_ends_slow_links(string script, int from, int to, int expectedMs) =>
        Assert.AreEqual(TimeSpan.FromMilliseconds(expectedMs), Apply(script).ExtraDelay(from, to));

    [TestMethod]
    [DataRow("crash:1,2", "restart:1,3", "1")]
    [DataRow("", "restart:1", "")]
    [DataRow("crash:1 heal", "restart:1", "1")]
    [DataRow("crash:1 restart:1", "restart:1", "")]
    public void A_restart_brings_back_only_crashed_nodes(string before, string restart, string expected)
    {
        var faults = Apply(before);
        var (restarted, _) = faults.Apply(Parse(restart).Single(), Parse(restart).Single().Nodes, 0, TimeSpan.Zero);
        Assert.AreEqual(expected, string.Join(',', restarted));
        foreach (var node in restarted) Assert.IsFalse(faults.IsCrashed(node));
    }

    [TestMethod]
    public void Isolate_leader_names_the_leader_and_does_nothing_without_one()
    {
        var faults = new NetworkFaults();
        var isolate = Parse("isolate-leader").Single();
        Assert.AreEqual("3", string.Join(',', faults.Apply(isolate, [], 3, TimeSpan.Zero).Named));
        Assert.IsTrue(faults.Blocks(3, 0, TimeSpan.FromSeconds(9)));

        var leaderless = new NetworkFaults();
        leaderless.Apply(isolate, [], -1, TimeSpan.Zero);
        Assert.IsFalse(leaderless.Blocks(-1, 0, TimeSpan.Zero));
        Assert.IsFalse(leaderless.Blocks(0, 1, TimeSpan.Zero));
    }

    [TestMethod]
    public void Isolation_without_a_duration_lasts_sixty_seconds_from_when_it_is_applied()
    {
        var faults = new NetworkFaults();
        faults.Apply(new FaultPlan(TimeSpan.FromSeconds(5), FaultKind.IsolateLeader, [], 0, null, []), [], 2, TimeSpan.FromSeconds(5));
        Assert.IsTrue(faults.Blocks(2, 0, TimeSpan.FromSeconds(64.9)));
        Assert.IsFalse(faults.Blocks(2, 0, TimeSpan.FromSeconds(65)));
    }

    /// <summary>The faults of a script applied in order at time zero, node 0 leading.</summary>
    private static NetworkFaults Apply(string script)
    {
        var faults = new NetworkFaults();
        foreach (var fault in Parse(script)) faults.Apply(fault, fault.Nodes, 0, TimeSpan.Zero);
        return faults;
    }

    private static List<FaultPlan> Parse(string script) =>
        [.. script.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(token =>
        {
            var parts = token.Split(':');
            var kind = Enum.GetValues<FaultKind>().Single(k => FaultKinds.Name(k) == parts[0]);
            var arg = parts.Length > 1 ? parts[1] : "";
            var groups = kind == FaultKind.Partition ? arg.Split('|').Select(g => (IReadOnlyList<int>)Nodes(g)).ToList() : [];
            return new FaultPlan(TimeSpan.Zero, kind, kind == FaultKind.Partition ? [] : Nodes(arg), 0,
                kind == FaultKind.IsolateLeader ? TimeSpan.FromSeconds(10) : null, groups, kind == FaultKind.SlowLink ? TimeSpan.FromMilliseconds(300) : null);
        })];

    private static int[] Nodes(string list) => [.. list.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse)];
}
