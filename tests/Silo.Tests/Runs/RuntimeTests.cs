using HarmonySim.Grains.Interfaces.Runs;
using HarmonySim.Simulation.Plans;
using HarmonySim.Simulation.Results;
using HarmonySim.Simulation.Runs;
using HarmonySim.Silo.Hosting;

namespace HarmonySim.Silo.Tests.Runs;

[TestClass]
public sealed class RuntimeTests
{
    [TestMethod]
    public async Task A_small_network_of_validator_grains_commits_blocks_in_virtual_time()
    {
        await using var silo = await EmbeddedSilo.StartAsync();
        var sim = silo.Grains.GetGrain<ISimulationGrain>("run-a");
        await sim.Start(RunPlans.Small("run-a", shards: 2));
        var progress = await sim.AdvanceTo(TimeSpan.FromSeconds(60));
        var records = await sim.TakeRecords();
        var result = await sim.Result();

        Assert.IsTrue(progress.Done);
        Assert.HasCount(2, result.Shards);
        foreach (var shard in result.Shards)
        {
            var commits = records[shard.Shard].Commits;
            Assert.IsGreaterThan(20, commits.Count, $"shard {shard.Shard}");
            Assert.AreEqual(commits.Count, shard.Blocks);
            Assert.IsTrue(commits.All(c => c.SignatureVerified));
            Assert.IsEmpty(shard.SafetyViolations);
            Assert.IsGreaterThan(0L, shard.Deliveries);
        }
    }

    [TestMethod]
    public async Task The_same_plan_gives_the_same_run_and_another_seed_another()
    {
        await using var silo = await EmbeddedSilo.StartAsync();
        async Task<(RunResult Result, IReadOnlyList<ShardRecords> Records)> Run(string id, ulong seed)
        {
            var sim = silo.Grains.GetGrain<ISimulationGrain>(id);
            await sim.Start(RunPlans.Small(id, seed) with { RunId = id });
            await sim.AdvanceTo(TimeSpan.FromSeconds(40));
            return (await sim.Result(), await sim.TakeRecords());
        }
        var a = await Run("det-a", 5);
        var b = await Run("det-b", 5);
        var c = await Run("det-c", 6);
        Console.WriteLine($"{a.Records[0].Commits.Count} commits, {a.Result.Shards[0].Deliveries} deliveries");
        Assert.AreEqual(a.Result.Shards[0].DeliveryTraceHash, b.Result.Shards[0].DeliveryTraceHash);
        CollectionAssert.AreEqual(a.Records[0].Commits.Select(x => x.Hash).ToList(), b.Records[0].Commits.Select(x => x.Hash).ToList());
        Assert.AreNotEqual(a.Result.Shards[0].DeliveryTraceHash, c.Result.Shards[0].DeliveryTraceHash);
    }

    [TestMethod]
    public async Task Two_silos_run_the_plan_exactly_as_one_does()
    {
        async Task<(RunResult Result, IReadOnlyList<ShardRecords> Records)> Run(int silos)
        {
            await using var silo = await EmbeddedSilo.StartAsync(silos);
            var sim = silo.Grains.GetGrain<ISimulationGrain>("multi");
            await sim.Start(RunPlans.Small("multi", 9, shards: 2, nodesPerShard: 6));
            await sim.AdvanceTo(TimeSpan.FromSeconds(30));
            var stats = await silo.Grains.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics();
            var shardSilos = stats.Where(g => g.GrainType.Contains("ShardNetworkGrain", StringComparison.Ordinal)).Select(g => g.SiloAddress).Distinct().ToList();
            Assert.HasCount(silos, shardSilos, "shard networks live on every silo");
            return (await sim.Result(), await sim.TakeRecords());
        }
        var one = await Run(1);
        var two = await Run(2);
        for (var s = 0; s < 2; s++)
        {
            Assert.IsGreaterThan(5, one.Records[s].Commits.Count);
            Assert.AreEqual(one.Result.Shards[s].DeliveryTraceHash, two.Result.Shards[s].DeliveryTraceHash, $"shard {s}");
            CollectionAssert.AreEqual(one.Records[s].Commits.Select(x => x.Hash).ToList(), two.Records[s].Commits.Select(x => x.Hash).ToList());
        }
    }
}
