using HarmonySim.Grains.Interfaces.Runs;
using HarmonySim.Silo.Hosting;

namespace HarmonySim.Silo.Tests.Runs;

/// <summary>A validator grain is the addressable validator: its status comes from the shard network that steps it, and a crash or restart applies there at once.</summary>
[TestClass]
public sealed class ValidatorControlTests
{
    [TestMethod]
    [DataRow(1)]
    [DataRow(2)]
    public async Task A_validator_reports_its_status_and_can_be_crashed_and_restarted(int silos)
    {
        await using var silo = await EmbeddedSilo.StartAsync(silos);
        var runId = $"control-{silos}-{Guid.NewGuid():N}";
        var sim = silo.Grains.GetGrain<ISimulationGrain>(runId);
        await sim.Start(RunPlans.Small(runId, seed: 3, nodesPerShard: 5));
        await sim.AdvanceTo(TimeSpan.FromSeconds(10));
        var validator = silo.Grains.GetGrain<IValidatorGrain>($"{runId}/2");

        var before = (await validator.Status()).Single();
        Assert.AreEqual(2, before.Node);
        Assert.AreEqual(0, before.Shard);
        Assert.IsFalse(before.Crashed);
        Assert.IsGreaterThan(2UL, before.Height);

        await validator.Crash();
        await sim.AdvanceTo(TimeSpan.FromSeconds(30));
        var crashed = (await validator.Status()).Single();
        Assert.IsTrue(crashed.Crashed);
        Assert.IsLessThanOrEqualTo(before.Height + 1, crashed.Height, "a crashed node commits nothing");

        await validator.Restart();
        await sim.AdvanceTo(TimeSpan.FromSeconds(50));
        var restarted = (await validator.Status()).Single();
        Assert.IsFalse(restarted.Crashed);
        Assert.IsGreaterThan(crashed.Height + 3, restarted.Height, "the restarted node caught up and commits again");

        var records = await sim.TakeRecords();
        var faults = records[0].Events.Where(e => e.Kind == "fault").Select(e => e.Fields[0].Value).ToList();
        CollectionAssert.AreEqual(new[] { "crash", "restart" }, faults);
    }
}
