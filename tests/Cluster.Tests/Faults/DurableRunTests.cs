using HarmonySim.Cluster.Tests.Azurite;
using HarmonySim.Cluster.Tests.Commands;
using HarmonySim.Grains.Interfaces.Runs;
using HarmonySim.Silo.Cluster;
using HarmonySim.Silo.Runs;
using HarmonySim.Silo.Scenarios;
using HarmonySim.Simulation.Plans;
using Orleans.Runtime;

namespace HarmonySim.Cluster.Tests.Faults;

/// <summary>
/// Durable runs on real silo processes and a real Azurite: a silo killed with SIGKILL, storage stopped and started
/// again, a silo joining mid-run. Each run must finish with the digest of the same plan run on one embedded silo,
/// computed here (never a pinned constant), and pass its checks. The runs are paced (5× real time) so the faults land
/// mid-run whatever the machine's speed; nothing asserts a wall-clock time.
/// </summary>
[TestClass]
public sealed class DurableRunTests
{
    private const string ScenarioName = "staking-epochs";
    private const double Pace = 5;
    private static readonly SemaphoreSlim ReferenceLock = new(1, 1);
    private static string? _reference;

    [TestMethod]
    public async Task A_run_on_three_silo_processes_loses_one_to_sigkill_and_finishes_with_the_one_silo_digest_with_the_silo_that_joined_mid_run_taking_its_shard()
    {
        var azurite = AzuriteAssembly.Require();
        var expected = await ReferenceDigest();
        using var cluster = new SiloCluster(azurite);
        await cluster.StartSilo();
        var victim = await cluster.StartSilo();
        await using var client = await ClusterClient.ConnectAsync(cluster.Settings, StorageClients.Create(cluster.Settings), CancellationToken.None);
        var plan = Plan("sigkill");
        var log = new StringWriter();
        var runner = new ClusterRunner(client.Client) { Speed = Pace, Log = TextWriter.Synchronized(log), CallTimeout = TimeSpan.FromSeconds(15) };
        var reached = new Milestone(TimeSpan.FromSeconds(30));
        var running = runner.RunAsync(plan, reached.Observe);

        await reached.Task;
        await cluster.StartSilo();
        var management = client.Client.GetGrain<IManagementGrain>(0);
        await WaitUntil(async () => (await management.GetHosts(onlyActive: true)).Count == 3, "the third silo did not become active");
        Assert.IsFalse(running.IsCompleted, "the run ended before the fault: it is too short for this machine");
        victim.Kill();

        var outcome = await Finished(running, () => $"{log}\n{string.Join("\n", cluster.Silos.Select(s => s.Output))}");
        var context = $"{log}\nsilo 1:\n{victim.Output}";
        Assert.AreEqual(expected, outcome.Digest, context);
        Assert.IsTrue(outcome.Report.Passed, context);
        Assert.IsGreaterThanOrEqualTo(1, runner.Resumes, $"the lost silo held a shard, so the run must have resumed.\n{context}");
        var hosts = await management.GetHosts(onlyActive: false);
        Assert.AreEqual(SiloStatus.Dead, hosts.Single(h => h.Key.Endpoint.Port == cluster.SiloPort(1)).Value, "membership declares the killed silo dead");
        // Shard s lives on silo s mod N (silos in address order): with the first and third silos left, the shard the
        // killed silo held re-activated on the silo that joined mid-run.
        var activations = await management.GetDetailedGrainStatistics();
        var shardsOnJoined = activations.Count(a => a.SiloAddress.Endpoint.Port == cluster.SiloPort(2) && a.GrainId.ToString().Contains(plan.RunId + "/", StringComparison.Ordinal)
                                                    && a.GrainType.Contains("ShardNetwork", StringComparison.Ordinal));
        Assert.IsGreaterThanOrEqualTo(1, shardsOnJoined, $"the silo that joined hosts none of the run's shards.\n{string.Join("\n", activations.Select(a => $"{a.SiloAddress} {a.GrainType} {a.GrainId}"))}");
    }

    [TestMethod]
    public async Task A_run_rides_out_storage_stopped_for_ten_seconds_and_resumes_from_a_checkpoint_read_back_after_it()
    {
        AzuriteAssembly.Require();
        var expected = await ReferenceDigest();
        var folder = Path.Combine(Path.GetTempPath(), "harmonysim-azurite-" + Guid.NewGuid().ToString("N"));
        var azurite = await AzuriteServer.StartOnDisk(folder);
        try
        {
            using var cluster = new SiloCluster(azurite);
            await cluster.StartSilo();
            await cluster.StartSilo();
            await using var client = await ClusterClient.ConnectAsync(cluster.Settings, StorageClients.Create(cluster.Settings), CancellationToken.None);
            var plan = Plan("outage");
            var log = new StringWriter();
            var runner = new ClusterRunner(client.Client) { Speed = Pace, Log = TextWriter.Synchronized(log), CallTimeout = TimeSpan.FromSeconds(15) };
            var reached = new Milestone(TimeSpan.FromSeconds(40));
            var running = runner.RunAsync(plan, reached.Observe);

            await reached.Task;
            Assert.IsFalse(running.IsCompleted, "the run ended before the fault: it is too short for this machine");
            await azurite.Stop();
            await Task.Delay(TimeSpan.FromSeconds(10));
            azurite = await azurite.Restart();
            Assert.IsFalse(cluster.Silos.Any(s => s.HasExited), "a silo died with storage away");

            // Then the silo driving the run dies: its grain re-activates on the other silo, which must read the
            // checkpoint back from the restarted storage to resume.
            var management = client.Client.GetGrain<IManagementGrain>(0);
            var driver = (await management.GetDetailedGrainStatistics())
                .Single(a => a.GrainType.Contains("DurableRun", StringComparison.Ordinal) && a.GrainId.ToString().EndsWith(plan.RunId, StringComparison.Ordinal));
            Assert.IsFalse(running.IsCompleted, "the run ended before the second fault: it is too short for this machine");
            var killed = Enumerable.Range(0, 2).Single(i => cluster.SiloPort(i) == driver.SiloAddress.Endpoint.Port);
            cluster.Silos[killed].Kill();

            var outcome = await Finished(running, () => $"{log}\nsilo {1 - killed}:\n{cluster.Silos[1 - killed].Output}\n{cluster.Silos[1 - killed].Error}");
            var context = $"{log}\nsilo {1 - killed}:\n{cluster.Silos[1 - killed].Output}";
            Assert.AreEqual(expected, outcome.Digest, context);
            Assert.IsTrue(outcome.Report.Passed, context);
            Assert.IsGreaterThanOrEqualTo(1, runner.Resumes, context);
            StringAssert.Contains(cluster.Silos[1 - killed].Output, "rebuilding at step", context);
            Assert.DoesNotContain("rebuilding at step 0 ", cluster.Silos[1 - killed].Output, context);
            Assert.IsFalse(cluster.Silos[1 - killed].HasExited, context);
            // The last checkpoint, read back through the list of runs after the restart, covers every step of the run.
            var steps = (int)Math.Ceiling(outcome.Report.SimulatedSeconds / 5);
            using var runs = SiloProcess.StartCommand("runs", cluster.Environment);
            Assert.AreEqual(0, await runs.WaitForExit(TimeSpan.FromMinutes(2)), runs.Error);
            var line = runs.Output.Split('\n').Single(l => l.StartsWith(plan.RunId, StringComparison.Ordinal));
            StringAssert.Contains(line, "finished", runs.Output);
            var listed = await client.Client.GetGrain<IRunIndexGrain>(IRunIndexGrain.Key).List();
            var summary = listed.Single(r => r.RunId == plan.RunId);
            Assert.AreEqual(RunState.Finished, summary.State);
            Assert.AreEqual(steps, summary.StepsCheckpointed, runs.Output);
            Assert.AreEqual(outcome.Report.SimulatedSeconds, summary.Simulated.TotalSeconds, 1e-9);
        }
        finally
        {
            azurite.Dispose();
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A temp folder left behind is harmless.
            }
        }
    }

    [TestMethod]
    public async Task Run_cluster_and_runs_fail_in_seconds_with_one_line_when_storage_or_the_cluster_is_unreachable()
    {
        var azurite = AzuriteAssembly.Require();
        var scenario = Path.Combine(RepositoryRoot.Path, "scenarios", "quickstart.yaml");
        var output = Path.Combine(Path.GetTempPath(), "harmonysim-runs-" + Guid.NewGuid().ToString("N"));
        var noStorage = new Dictionary<string, string>
        {
            ["HARMONYSIM_Storage__Provider"] = "azure",
            ["HARMONYSIM_Storage__ConnectionString"] = AzuriteServer.UnreachableConnectionString(),
        };
        using (var run = SiloProcess.StartCommand("run", noStorage, scenario, "--cluster", "--out", output))
        {
            Assert.AreEqual(Silo.Commands.ExitCodes.Unavailable, await run.WaitForExit(TimeSpan.FromMinutes(1)), run.Output + run.Error);
            StringAssert.Contains(run.Error, "harmonysim run --cluster: cannot reach table storage");
            Assert.DoesNotContain("   at ", run.Error);
            Assert.IsFalse(Directory.Exists(output) && Directory.EnumerateFileSystemEntries(output).Any(), "nothing ran, so no run folder");
        }
        // Storage answers, but no silo of this cluster id is alive.
        var empty = new Dictionary<string, string>
        {
            ["HARMONYSIM_Storage__Provider"] = "azure",
            ["HARMONYSIM_Storage__ConnectionString"] = azurite.ConnectionString,
            ["HARMONYSIM_Cluster__ClusterId"] = "nobody-" + Guid.NewGuid().ToString("N")[..8],
        };
        using var runs = SiloProcess.StartCommand("runs", empty);
        Assert.AreEqual(Silo.Commands.ExitCodes.Unavailable, await runs.WaitForExit(TimeSpan.FromMinutes(1)), runs.Output + runs.Error);
        StringAssert.Contains(runs.Error, "harmonysim runs: cannot reach cluster 'nobody-");
        Assert.DoesNotContain("   at ", runs.Error);
    }

    private static RunPlan Plan(string tag)
    {
        var scenario = ScenarioLoader.LoadFile(Path.Combine(RepositoryRoot.Path, "scenarios", ScenarioName + ".yaml")).Scenario
                       ?? throw new AssertFailedException($"{ScenarioName} does not load");
        return RunPlanBuilder.Build(scenario, $"{ScenarioName}-{tag}-{Guid.NewGuid():N}");
    }

    /// <summary>The plan's digest on one embedded silo in this process, computed once for the class.</summary>
    private static async Task<string> ReferenceDigest()
    {
        await ReferenceLock.WaitAsync();
        try
        {
            return _reference ??= (await new Runner(1).RunAsync(Plan("reference"))).Digest;
        }
        finally
        {
            ReferenceLock.Release();
        }
    }

    /// <summary>The run's outcome; a run still going after a generous guard fails the test with what the processes said.</summary>
    private static async Task<RunOutcome> Finished(Task<RunOutcome> running, Func<string> context)
    {
        try
        {
            return await running.WaitAsync(TimeSpan.FromMinutes(4));
        }
        catch (TimeoutException)
        {
            Assert.Fail($"the run did not finish.\n{context()}");
            throw;
        }
    }

    private static async Task WaitUntil(Func<Task<bool>> condition, string failure)
    {
        var guard = System.Diagnostics.Stopwatch.StartNew();
        while (!await condition())
        {
            if (guard.Elapsed > TimeSpan.FromMinutes(2)) Assert.Fail(failure);
            await Task.Delay(200);
        }
    }

    /// <summary>Completes when a run's progress first reaches a virtual time.</summary>
    private sealed class Milestone(TimeSpan at)
    {
        private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Task => _reached.Task;

        public void Observe(HarmonySim.Simulation.Runs.RunProgress progress)
        {
            if (progress.Now >= at) _reached.TrySetResult();
        }
    }
}
