using System.Globalization;
using HarmonySim.Grains.Interfaces.Runs;
using HarmonySim.Simulation.Plans;
using HarmonySim.Simulation.Results;
using HarmonySim.Simulation.Runs;
using HarmonySim.Silo.Reports.Streaming;
using HarmonySim.Protocol.Consensus.Quorum;

using HarmonySim.Protocol.Crypto;

namespace HarmonySim.Silo.Reports;

/// <summary>
/// report.json: the fixed fields of the run report (snake_case on disk, README "What a run produces"); sections a run
/// has no data for are present and empty. An interrupted run covers only its simulated seconds and never passes: its
/// checks judged part of a run.
/// </summary>
public sealed record RunReport(
    string Scenario, ulong Seed, string Digest, bool Passed, double SimulatedSeconds, double WallSeconds, int Validators, int Keys,
    IReadOnlyList<ShardReport> Shards, TransactionsReport Transactions, ConsensusReport Consensus, EpochsReport Epochs,
    StakingReport Staking, IReadOnlyList<CohortReport> Cohorts, IReadOnlyList<CheckResult> Checks, RunTiming? Timing = null, bool Interrupted = false)
{
    public static RunReport Build(RunRecord result, string digest, IReadOnlyList<CheckResult> checks, TimeSpan wall, RunTiming? timing = null, bool interrupted = false)
    {
        var plan = result.Plan;
        var messages = result.Shards.SelectMany(s => s.MessagesByType)
            .GroupBy(kv => kv.Key, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(kv => kv.Value), StringComparer.Ordinal);
        return new RunReport(
            plan.Scenario, plan.Seed, digest, !interrupted && checks.All(c => c.Passed), result.SimulatedTime.TotalSeconds, wall.TotalSeconds,
            plan.Nodes.Count, plan.Nodes.Sum(n => n.Keys),
            [.. result.Shards.Select(s => ShardReport.From(s, result.Tallies[s.Shard]))],
            TransferReport.Transactions(result),
            new ConsensusReport(messages.Values.Sum(), messages, result.Shards.Sum(s => s.SignaturesVerified), SignatureSchemes.Name(plan.Consensus.Scheme)),
            StakingReports.Epochs(result.Shards[0].Staking),
            StakingReports.Staking(plan, result.Shards[0].Staking),
            CohortReport.From(plan, result.Shards[0].Staking),
            checks,
            timing,
            interrupted)
        {
            Economics = EconomicsReport.From(plan, result.Shards[0].Staking),
            Scoreboard = Reports.Scoreboard.From(result, checks),
            Adversaries = Reports.Adversaries.AdversaryVerdicts.From(result, checks),
        };
    }

    /// <summary>Token economics of a staking run (issuance, supply over time, inflation, yields); null without staking.</summary>
    public EconomicsReport? Economics { get; init; }

    /// <summary>The game-of-stakes teams ranked (docs/GAME-OF-STAKES.md); empty without teams.</summary>
    public IReadOnlyList<TeamScore> Scoreboard { get; init; } = [];

    /// <summary>One verdict per cohort with a behaviour other than honest (docs/GAME-OF-STAKES.md, "Verdicts"); empty without adversaries.</summary>
    public IReadOnlyList<Adversaries.AdversaryVerdict> Adversaries { get; init; } = [];
}

/// <summary>
/// One shard's line. <c>view_changes</c> counts completed view changes (an honest node entered the new view),
/// <c>view_changes_started</c> the (height, view) pairs honest nodes started one for, and <c>view_changing_s</c> the
/// virtual seconds from each first start to the next new view or block (docs/SCENARIOS.md, "report.json").
/// </summary>
public sealed record ShardReport(int Id, ulong Height, long Blocks, int ViewChanges, int ViewChangesStarted, double ViewChangingS, TimeStats BlockTimeS, Percentiles FinalityS)
{
    /// <summary>How the shard's consensus messages travelled (issue 14; docs/SCENARIOS.md, "Propagation").</summary>
    public PropagationResult? Propagation { get; init; }

    /// <summary>Every sync of the shard's nodes and each restart's time to sign again (issue 14; docs/SCENARIOS.md, "Sync").</summary>
    public SyncResult? Sync { get; init; }

    public static ShardReport From(ShardResult shard, ShardTally tally) =>
        new(shard.Shard, shard.Height, shard.Blocks, shard.ViewChanges, shard.ViewChangesStarted, Math.Round(shard.TimeViewChanging.TotalSeconds, 6),
            new TimeStats(tally.BlockTimes.MeanSeconds, tally.BlockTimes.PercentileSeconds(50), tally.BlockTimes.PercentileSeconds(99)),
            new Percentiles(tally.Finality.PercentileSeconds(50), tally.Finality.PercentileSeconds(99)))
        {
            Propagation = shard.Propagation,
            Sync = shard.Sync,
            RejectedMessages = shard.Rejected,
            Censorship = shard.Censorship,
        };

    /// <summary>Delivered messages honest nodes refused, by verdict (forged and malformed ones among them: game of stakes).</summary>
    public IReadOnlyDictionary<string, long> RejectedMessages { get; init; } = new SortedDictionary<string, long>(StringComparer.Ordinal);

    /// <summary>
    /// What censoring leaders left out and how late it got in (game of stakes; a run with a censor, else left out of
    /// report.json): censored_transactions, omissions, included_later, mean_extra_latency_s, max_extra_latency_s.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public CensorshipResult? Censorship { get; init; }
}

/// <summary>
/// Where the wall time went (never part of the digest): starting the silos and building the network, then running
/// and gathering the result; the CPU time the process spent over both (all cores), for CPU-seconds per simulated
/// second; and what the run allocated and how many collections it took.
/// </summary>
public sealed record RunTiming(double StartupSeconds, double RunSeconds, double CpuSeconds, long AllocatedBytes = 0, int Gen0Collections = 0, int Gen2Collections = 0);

public sealed record TimeStats(double Mean, double P50, double P99);

public sealed record Percentiles(double P50, double P99);

public sealed record LatencyPercentiles(double P50, double P95, double P99);

public sealed record TransactionsReport(long Submitted, long Committed, long Rejected, double Tps, LatencyPercentiles LatencyS, long CrossShardCommitted)
{
    /// <summary>The open-loop load of a run with a load section (its latencies, rejections, saturation), else null.</summary>
    public Load.LoadReport? Load { get; init; }
}

public sealed record ConsensusReport(long Messages, IReadOnlyDictionary<string, long> MessagesByType, long SignaturesVerified, string Crypto);

public sealed record EpochsReport(int Completed, IReadOnlyList<object> Elections);

public sealed record StakingReport(IReadOnlyList<object> Slashed, IReadOnlyList<object> Jailed, IReadOnlyList<object> Banned, IReadOnlyList<object>? Rejected = null);

/// <summary>
/// One row per named cohort: its size, its share of external stake, the most of any shard's voting power it held
/// (over every epoch's committees in a staking run), and what it lost to slashing and earned, in ONE.
/// </summary>
public sealed record CohortReport(string Name, int Validators, int Keys, double StakeShare, double MaxShardVotingPower, string SlashedAmount, string Rewards)
{
    public static IReadOnlyList<CohortReport> From(RunPlan plan, StakingRunResult? staking = null)
    {
        if (staking is not null) return FromElections(plan, staking);
        var totalStake = plan.Nodes.Sum(n => (n.StakePerKey ?? 0) * n.Keys);
        var power = Enumerable.Range(0, plan.Shards).Select(s => RunContext.VotingPowerByNode(plan, s)).ToList();
        return [.. plan.Nodes.GroupBy(n => n.Cohort, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var stake = g.Sum(n => (n.StakePerKey ?? 0) * n.Keys);
            var maxPower = Enumerable.Range(0, plan.Shards).Max(s => g.Where(n => n.Shard == s).Sum(n => power[s].GetValueOrDefault(n.Id)));
            return new CohortReport(g.Key, g.Count(), g.Sum(n => n.Keys), totalStake == 0 ? 0 : Math.Round((double)(stake / totalStake), 6),
                Math.Round(maxPower / (double)VotingPower.One, 6), "0", "0");
        })];
    }

    private static List<CohortReport> FromElections(RunPlan plan, StakingRunResult staking)
    {
        var totalStake = plan.Nodes.Sum(n => (n.StakePerKey ?? 0) * n.Keys);
        return [.. plan.Nodes.GroupBy(n => n.Cohort, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var ids = g.Select(n => n.Id).ToHashSet();
            var stake = g.Sum(n => (n.StakePerKey ?? 0) * n.Keys);
            var maxPower = staking.Elections.Select(e => e.CohortMaxShardPower.GetValueOrDefault(g.Key)).DefaultIfEmpty(0).Max();
            var slashed = staking.Slashed.Where(s => ids.Contains(s.Node)).Sum(s => s.Amount);
            var rewards = staking.RewardsByNode.Where(kv => ids.Contains(kv.Key)).Sum(kv => kv.Value);
            return new CohortReport(g.Key, g.Count(), g.Sum(n => n.Keys), totalStake == 0 ? 0 : Math.Round((double)(stake / totalStake), 6),
                Math.Round((double)maxPower, 6), Amount(slashed), Amount(rewards));
        })];
    }

    /// <summary>An amount of ONE as an exact decimal string (no exponent, no trailing zeros).</summary>
    private static string Amount(decimal ones) => ones.ToString("0.##################", CultureInfo.InvariantCulture);
}

internal static class Stats
{
    /// <summary>Nearest-rank percentile, rounded to microseconds; 0 for no samples.</summary>
    public static double Percentile(IReadOnlyList<double> values, int p)
    {
        if (values.Count == 0) return 0;
        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(p / 100.0 * sorted.Count);
        return Math.Round(sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)], 6);
    }

    public static string Format(double seconds) => seconds.ToString("0.###", CultureInfo.InvariantCulture);
}
