using HarmonySim.Silo.Runs;
using HarmonySim.Silo.Scenarios;
using HarmonySim.Simulation.Plans;
using HarmonySim.Simulation.Results;

namespace HarmonySim.Silo.Tests.Sync;

/// <summary>
/// The bundled rejoin scenario: both returning validators sync and sign again, the longer outage syncs longer, the
/// report lists each sync and restart, and switching the mode to fast brings the long outage's node back sooner.
/// </summary>
[TestClass]
public sealed class RejoinScenarioTests
{
    private static async Task<(RunOutcome Outcome, SyncResult Sync)> Run(SyncKind mode)
    {
        var scenario = ScenarioLoader.LoadFile(ScenarioFolder.Resolve("rejoin-after-downtime")).Scenario ?? throw new AssertFailedException("rejoin-after-downtime does not load");
        scenario = scenario with { Network = scenario.Network with { Sync = scenario.Network.Sync with { Kind = mode } } };
        var outcome = await new Runner(1).RunAsync(RunPlanBuilder.Build(scenario, $"rejoin-{mode}-{Guid.NewGuid():N}"));
        Assert.IsTrue(outcome.Report.Passed, string.Join("; ", outcome.Checks.Where(c => !c.Passed).Select(c => $"{c.Name}: {c.Detail}")));
        return (outcome, outcome.Report.Shards.Single().Sync ?? throw new AssertFailedException("no sync section"));
    }

    [TestMethod]
    public async Task Both_returning_validators_sync_and_sign_again_and_the_longer_outage_syncs_longer()
    {
        var (outcome, sync) = await Run(SyncKind.Staged);
        Assert.AreEqual("staged", sync.Mode);
        var (brief, longer) = (sync.Rejoins.Single(r => r.RestartedAtS == 60), sync.Rejoins.Single(r => r.RestartedAtS == 260));
        Assert.IsNotNull(brief.SignedAgainAfterS);
        Assert.IsNotNull(longer.SignedAgainAfterS);
        Assert.IsLessThan(longer.SignedAgainAfterS.Value, brief.SignedAgainAfterS.Value);
        Assert.IsGreaterThan(brief.BlocksSynced + 150, longer.BlocksSynced, "about 40 blocks behind against about 240");
        double Longest(int node) => sync.Syncs.Where(s => s.Node == node).Max(s => s.DurationS);
        Assert.IsLessThan(Longest(longer.Node), Longest(brief.Node));
        Assert.IsTrue(sync.Syncs.Where(s => s.Blocks > 10).All(s => s.Method == "staged"), "gaps past the last mile take staged sync");
        var markdown = HarmonySim.Silo.Reports.RunFolder.Markdown(outcome.Report, []);
        StringAssert.Contains(markdown, "## Sync (staged)");
        StringAssert.Contains(markdown, "| signed again after (s) |");
    }

    [TestMethod]
    public async Task Fast_sync_brings_the_long_outage_back_sooner_and_leaves_the_short_one_as_it_was()
    {
        var (_, staged) = await Run(SyncKind.Staged);
        var (_, fast) = await Run(SyncKind.Fast);
        RejoinRecord At(SyncResult s, double t) => s.Rejoins.Single(r => r.RestartedAtS == t);
        Assert.IsLessThan(At(staged, 260).SignedAgainAfterS!.Value, At(fast, 260).SignedAgainAfterS!.Value);
        Assert.AreEqual(At(staged, 60).SignedAgainAfterS, At(fast, 60).SignedAgainAfterS, "a gap within the pivot distance syncs as staged");
        Assert.IsTrue(fast.Syncs.Any(s => s.Method == "fast"));
    }
}
