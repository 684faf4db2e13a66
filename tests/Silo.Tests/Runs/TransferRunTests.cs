using System.Globalization;
using HarmonySim.Grains.Interfaces.Runs;
using HarmonySim.Simulation.Plans;
using HarmonySim.Simulation.Results;
using HarmonySim.Simulation.Runs;
using HarmonySim.Silo.Reports;
using HarmonySim.Silo.Runs;
using HarmonySim.Silo.Scenarios;

namespace HarmonySim.Silo.Tests.Runs;

/// <summary>Scripted transfers in a staking run with three shards: same-shard and cross-shard, to and from the beacon.</summary>
[TestClass]
public sealed class TransferRunTests
{
    internal const string Yaml = """
        name: transfers-small
        description: transfers between three shards, the beacon included
        seed: 11
        network:
          shards: 3
          slots_per_shard: 6
          harmony_slots_per_shard: 2
          harmony_vote_share: 0.3
          quorum: stake
          blocks_per_epoch: 8
          block_time: 2s
        cohorts:
          - name: harmony
            validators: 6
            harmony_operated: true
          - name: stakers
            validators: 12
            stake: 20000
        staking:
          block_reward: 7
        transfers:
          accounts:
            - { name: alice, shard: 0, balance: 1000 }
            - { name: bob, shard: 1, balance: 500 }
            - { name: carol, shard: 2, balance: 250 }
            - { name: dave, shard: 1, balance: 10 }
          scripted:
            - { at: 3s, from: alice, to: bob, amount: 100 }
            - { at: 3s, from: bob, to: carol, amount: 50 }
            - { at: 5s, from: carol, to: alice, amount: 25.5 }
            - { at: 5s, from: bob, to: dave, amount: 1 }
            - { at: 9s, from: alice, to: carol, amount: 10 }
            - { at: 9s, from: alice, to: bob, amount: 10 }
            - { at: 14s, from: dave, to: alice, amount: 11 }
            - { at: 20s, from: carol, to: bob, amount: 1000 }
            - { at: 21s, from: carol, to: alice, amount: 1 }
            - { at: 30s, from: bob, to: alice, amount: 7 }
        latency:
          regions: [us-east]
          jitter: 2ms
        duration:
          time: 70s
        checks:
          liveness_max_gap: 30s
        """;

    private static RunOutcome? _outcome;

    internal static async Task<RunOutcome> Run(string yaml, string id)
    {
        var loaded = ScenarioLoader.Parse(yaml, "transfers-small.yaml");
        var scenario = loaded.Scenario ?? throw new AssertFailedException(string.Join("; ", loaded.Errors));
        var plan = RunPlanBuilder.Build(scenario, $"{id}-{Guid.NewGuid():N}");
        return await new Runner { Step = TimeSpan.FromSeconds(30) }.RunAsync(plan);
    }

    private static async Task<RunOutcome> Outcome() => _outcome ??= await Run(Yaml, "transfers");

    private static string Failures(RunOutcome o) => string.Join("; ", o.Checks.Where(c => !c.Passed).Select(c => $"{c.Name}: {c.Detail}"));

    [TestMethod]
    public async Task Every_check_passes_and_every_transfer_that_can_apply_commits()
    {
        var o = await Outcome();
        Assert.IsTrue(o.Report.Passed, Failures(o) + "\n" + string.Join("\n", o.Events.Where(e => e.Contains("transfer", StringComparison.Ordinal)).Take(20)));
        var t = o.Report.Transactions;
        Assert.AreEqual(10, t.Submitted);
        // carol's 1000 ONE is more than she ever has; it is rejected and holds back her later transfer (nonce order).
        Assert.AreEqual(8, t.Committed, string.Join("\n", o.Events.Where(e => e.Contains("\"transfer\"", StringComparison.Ordinal))));
        Assert.AreEqual(2, t.Rejected);
        Assert.IsGreaterThan(0.0, t.Tps);
        Assert.IsGreaterThan(0.0, t.LatencyS.P50);
    }

    [TestMethod]
    public async Task Every_cross_shard_receipt_is_credited_exactly_once()
    {
        var o = await Outcome();
        // alice→bob ×2, bob→carol, carol→alice, alice→carol, dave→alice, bob→alice are cross-shard; bob→dave is not.
        Assert.AreEqual(7, o.Report.Transactions.CrossShardCommitted);
        var credits = o.Result.Shards.SelectMany(s => s.Transfers!.Credited.Select(c => (s.Shard, c.SourceShard, c.BlockHash))).ToList();
        Assert.AreEqual(credits.Count, credits.Distinct().Count(), "no proof is credited twice");
        var emitted = o.Result.Shards.SelectMany(s => s.Transfers!.Emitted.Select(e => (e.ToShard, s.Shard, e.BlockHash))).Order().ToList();
        CollectionAssert.AreEqual(emitted, credits.Order().ToList(), "every emitted proof is credited");
        Assert.IsTrue(o.Events.Any(e => e.Contains("\"kind\":\"receipt_credited\"", StringComparison.Ordinal) && e.Contains("\"shard\":0,", StringComparison.Ordinal)), "the beacon credits");
    }

    [TestMethod]
    public async Task Balances_conserve_across_shards()
    {
        var o = await Outcome();
        var check = o.Checks.Single(c => c.Name == "balances");
        Assert.IsTrue(check.Passed, check.Detail);
        StringAssert.Contains(check.Detail, "in flight 0 + fees burned 0 = genesis 1760 ONE");
        decimal Balance(int shard) => decimal.Parse(o.Result.Shards[shard].Transfers!.Balance, CultureInfo.InvariantCulture) / 1_000_000_000_000_000_000m;
        // alice 1000 − 100 − 10 − 10 + 25.5 + 11 + 7; bob 500 − 50 − 1 − 7 + 100 + 10 and dave 10 + 1 − 11; carol 250 + 50 + 10 − 25.5.
        Assert.AreEqual(923.5m, Balance(0));
        Assert.AreEqual(552m, Balance(1));
        Assert.AreEqual(284.5m, Balance(2));
    }

    [TestMethod]
    public async Task The_balances_check_fails_on_a_double_credit_an_unknown_credit_or_a_lost_balance()
    {
        var o = await Outcome();
        RunRecord With(int shard, Func<TransferRunResult, TransferRunResult> change) =>
            o.Result with { Shards = [.. o.Result.Shards.Select(s => s.Shard == shard ? s with { Transfers = change(s.Transfers!) } : s)] };
        string? Failure(RunRecord r) => RunChecks.Evaluate(r).Single(c => c.Name == "balances") is { Passed: false } c ? c.Detail : null;

        Assert.IsNull(Failure(o.Result));
        var twice = With(0, t => t with { Credited = [.. t.Credited, t.Credited[0]] });
        StringAssert.Contains(Failure(twice), "twice");
        var unknown = With(0, t => t with { Credited = [.. t.Credited, t.Credited[0] with { BlockHash = "0x00" }] });
        StringAssert.Contains(Failure(unknown), "did not emit");
        var lost = With(2, t => t with { Balance = (System.Numerics.BigInteger.Parse(t.Balance, CultureInfo.InvariantCulture) - 1).ToString(CultureInfo.InvariantCulture) });
        StringAssert.Contains(Failure(lost), "≠ genesis");
        var inFlight = With(1, t => t with { Credited = [] });
        StringAssert.Contains(Failure(inFlight), "≠ genesis", "the credits vanish but the balances still hold them");
    }

    [TestMethod]
    public async Task Leader_isolation_on_every_shard_delays_transfers_but_every_receipt_is_still_credited_once()
    {
        var yaml = Yaml.Replace("checks:\n", "faults:\n  - { at: 3s, kind: isolate-leader, targets: [shard:0], duration: 20s }\n"
            + "  - { at: 5s, kind: isolate-leader, targets: [shard:1], duration: 20s }\n  - { at: 9s, kind: isolate-leader, targets: [shard:2], duration: 20s }\n"
            + "checks:\n", StringComparison.Ordinal).Replace("time: 70s", "time: 150s", StringComparison.Ordinal).Replace("liveness_max_gap: 30s", "liveness_max_gap: 60s", StringComparison.Ordinal);
        var o = await Run(yaml, "transfers-isolated");
        Assert.IsTrue(o.Report.Passed, Failures(o));
        Assert.IsTrue(o.Result.Shards.All(s => s.ViewChanges > 0), "every shard changed view");
        Assert.AreEqual(8, o.Report.Transactions.Committed);
        Assert.AreEqual(7, o.Report.Transactions.CrossShardCommitted);
        StringAssert.Contains(o.Checks.Single(c => c.Name == "balances").Detail, "in flight 0 + fees burned 0 = genesis 1760 ONE");
    }

    [TestMethod]
    public async Task The_same_seed_gives_the_same_digest()
    {
        var a = await Outcome();
        var b = await Run(Yaml, "transfers-again");
        Assert.AreEqual(a.Digest, b.Digest);
    }
}
