using HarmonySim.Silo.Reports;
using HarmonySim.Silo.Runs;
using HarmonySim.Silo.Scenarios;

namespace HarmonySim.Silo.Tests.Runs;

/// <summary>Issuance in a run: an annual inflation rate or Harmony's eras, the DAO share, the report's economics, accounting to the atto.</summary>
[TestClass]
public sealed class TokenEconomicsRunTests
{
    private const string Network = """
        network:
          shards: 2
          slots_per_shard: 8
          harmony_slots_per_shard: 2
          harmony_vote_share: 0.3
          quorum: stake
          blocks_per_epoch: 10
          block_time: 2s
        cohorts:
          - name: harmony
            validators: 4
            harmony_operated: true
          - name: small
            validators: 6
            stake: 20000
          - name: large
            validators: 6
            stake: 60000
        latency:
          regions: [us-east]
          jitter: 2ms
        duration:
          epochs: 6
        checks:
          liveness_max_gap: 30s
        """;

    private static async Task<RunOutcome> Run(string name, string issuance)
    {
        var yaml = $"name: {name}\ndescription: token economics\nseed: 3\n{Network}\nstaking:\n  issuance:\n{issuance}";
        var loaded = ScenarioLoader.Parse(yaml, name + ".yaml");
        var scenario = loaded.Scenario ?? throw new AssertFailedException(string.Join("; ", loaded.Errors));
        var outcome = await new Runner().RunAsync(RunPlanBuilder.Build(scenario, name + "-" + Guid.NewGuid().ToString("N")));
        Assert.IsTrue(outcome.Report.Passed, string.Join("; ", outcome.Checks.Where(c => !c.Passed).Select(c => $"{c.Name}: {c.Detail}")));
        Assert.IsTrue(outcome.Checks.Single(c => c.Name == "accounting").Passed, "supply = genesis + minted − burned to the atto at every epoch end");
        return outcome;
    }

    private static decimal One(string amount) => decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture);

    private static void AgreeTo4SignificantDigits(double expected, double actual, string what) =>
        Assert.IsLessThan(0.5e-4, Math.Abs(actual - expected) / expected, $"{what}: expected {expected}, got {actual}");

    [TestMethod]
    public async Task An_annual_inflation_rate_is_what_the_report_measures_and_mints()
    {
        var outcome = await Run("inflation", "    annual_inflation: 6%\n    dao_share: 25%\n");
        var e = outcome.Report.Economics!;
        AgreeTo4SignificantDigits(0.06, e.AnnualisedInflation, "annualised inflation");
        Assert.AreEqual(e.AnnualisedInflation, e.AnnualisedNetInflation, "nothing burned");

        // Minted over the measured window: 6 % of the supply at its start, per year of virtual time.
        var from = e.SupplyOverTime.Single(p => p.EpochEnd && p.AtS == e.MeasuredFromS);
        var to = e.SupplyOverTime.Single(p => p.EpochEnd && p.AtS == e.MeasuredToS);
        var expected = 0.06 * (double)One(from.Supply) * (e.MeasuredToS - e.MeasuredFromS) / 31_557_600;
        AgreeTo4SignificantDigits(expected, (double)(One(to.Minted) - One(from.Minted)), "minted in the window");
        Assert.AreEqual(One(e.GenesisSupply) + One(e.Minted) - One(e.Burned), One(e.TotalSupply));
        AgreeTo4SignificantDigits(0.25, (double)(One(e.MintedToDao) / One(e.Minted)), "the DAO's share");

        // The reward follows the supply: it grows with it, epoch by epoch.
        var rewards = e.SupplyOverTime.Select(p => One(p.RewardPerBlock)).ToList();
        for (var i = 1; i < rewards.Count; i++) Assert.IsGreaterThanOrEqualTo(rewards[i - 1], rewards[i]);
        Assert.IsGreaterThan(rewards[0], rewards[^1]);

        // Every elected validator earns; yields are annualised and of the order of the rate over the staked share.
        Assert.HasCount(12, e.Yield);
        foreach (var y in e.Yield) Assert.IsTrue(y.Apr is > 0.01 and < 0.5, $"{y.Cohort} node {y.Node}: APR {y.Apr}");
        var markdown = RunFolder.Markdown(outcome.Report, [], [EconomicsPlot.Supply]);
        StringAssert.Contains(markdown, "## Token economics");
        StringAssert.Contains(markdown, "annual inflation 6 % of the supply");
    }

    [TestMethod]
    public async Task Harmonys_eras_change_the_reward_at_their_epochs_and_send_the_dao_its_share()
    {
        var outcome = await Run("eras", """
                eras:
                  - { from_epoch: 0, per_block: 28 }
                  - { from_epoch: 2, per_block: 17.5 }
                  - { from_epoch: 4, per_block: 14, dao_share: 25% }

            """);
        var e = outcome.Report.Economics!;
        var byEnd = e.SupplyOverTime.Where(p => p.EpochEnd).ToDictionary(p => p.Epoch, p => One(p.RewardPerBlock));
        Assert.AreEqual(17.5m, byEnd[1], "the reward from epoch 2, announced at epoch 1's end");
        Assert.AreEqual(14m, byEnd[3]);
        Assert.AreEqual(28m, One(e.SupplyOverTime[0].RewardPerBlock));
        Assert.IsGreaterThan(0m, One(e.MintedToDao));
        Assert.AreEqual(0m, One(e.MintedToDao) % 3.5m, "3.5 ONE per paid block from epoch 4");
    }
}
