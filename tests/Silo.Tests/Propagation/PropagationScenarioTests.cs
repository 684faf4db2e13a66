using HarmonySim.Silo.Runs;
using HarmonySim.Silo.Scenarios;
using HarmonySim.Simulation.Plans;

namespace HarmonySim.Silo.Tests.Propagation;

/// <summary><c>network.propagation</c> in a scenario file, and what a gossip run reports (issue 14).</summary>
[TestClass]
public sealed class PropagationScenarioTests
{
    private const string File = "scenarios/x.yaml";

    /// <summary>A one-shard scenario with <paramref name="line"/> added to its network section (line 6).</summary>
    private static string With(string line) =>
        $"description: test\nnetwork:\n  shards: 1\n  slots_per_shard: 16\n  harmony_slots_per_shard: 16\n{line}cohorts:\n  - name: all\n    validators: 16\n    harmony_operated: true\nduration:\n  time: 30s\n";

    [TestMethod]
    [DataRow("", PropagationKind.Direct)]
    [DataRow("  propagation: direct\n", PropagationKind.Direct)]
    [DataRow("  propagation: gossip\n", PropagationKind.Gossip)]
    [DataRow("  propagation: ida\n", PropagationKind.Ida)]
    public void Propagation_is_direct_by_default_or_as_named(string line, PropagationKind kind)
    {
        var result = ScenarioLoader.Parse(With(line), File);
        Assert.IsTrue(result.IsValid, string.Join(Environment.NewLine, result.Errors));
        Assert.AreEqual(kind, result.Scenario!.Network.Propagation);
        Assert.AreEqual(kind, RunPlanBuilder.Build(result.Scenario, "t").Propagation.Kind);
    }

    [TestMethod]
    public void An_unknown_propagation_model_is_named_with_file_line_and_field()
    {
        var result = ScenarioLoader.Parse(With("  propagation: gosip\n"), File);
        Assert.IsFalse(result.IsValid);
        var error = result.Errors.Single().ToString();
        StringAssert.Contains(error, "scenarios/x.yaml:6:");
        StringAssert.Contains(error, "network.propagation");
        StringAssert.Contains(error, "gossip");
    }

    [TestMethod]
    public async Task A_gossip_run_commits_and_reports_delays_copies_duplicates_and_a_mesh_within_its_bounds()
    {
        var scenario = ScenarioLoader.Parse(With("  propagation: gossip\n"), File).Scenario!;
        var outcome = await new Runner(1).RunAsync(RunPlanBuilder.Build(scenario, $"gossip-{Guid.NewGuid():N}"));
        Assert.IsTrue(outcome.Report.Passed, string.Join("; ", outcome.Checks.Where(c => !c.Passed).Select(c => $"{c.Name}: {c.Detail}")));
        var p = outcome.Report.Shards.Single().Propagation!;
        Assert.AreEqual("gossip", p.Model);
        Assert.IsTrue(p.Delays.Any(d => d.Type == "ANNOUNCE" && d.Deliveries > 0));
        Assert.IsTrue(p.Duplicates > 0 && p.Duplicates < p.Copies, $"{p.Duplicates} duplicates of {p.Copies} copies");
        Assert.IsNotNull(p.Mesh);
        Assert.IsTrue(p.Mesh.Min >= 4 && p.Mesh.Max <= 8, $"degree {p.Mesh}");
        Assert.IsTrue(p.RoutingTableBytesPerNode > 0);
        Assert.IsTrue(p.AnnounceReach.Count > 0);
        // The same scenario and seed give the same digest, on one silo or two (the overlay and mesh come from the seed).
        var again = await new Runner(2).RunAsync(RunPlanBuilder.Build(scenario, $"gossip-{Guid.NewGuid():N}"));
        Assert.AreEqual(outcome.Digest, again.Digest, "one silo and two");
    }
}
