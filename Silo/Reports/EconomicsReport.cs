using System.Globalization;
using System.Numerics;
using HarmonySim.Protocol.Staking.Rewards;
using HarmonySim.Simulation.Plans;
using HarmonySim.Simulation.Results;

namespace HarmonySim.Silo.Reports;

/// <summary>
/// Token economics of a staking run (report.json <c>economics</c>, docs/EPOCHS.md "Token economics"): the issuance
/// schedule, supplies and amounts in ONE (exact strings), the annualised inflation measured between the end of epoch 1 (epoch 0 when
/// the run has only two epoch ends) and the last epoch end (minted, and net of burns, over the supply at the first, per Julian year of virtual time), the supply
/// at every epoch end, and each validator's staking yield.
/// </summary>
public sealed record EconomicsReport(
    string Issuance, string GenesisSupply, string TotalSupply, string Minted, string MintedToDao, string Burned,
    double AnnualisedInflation, double AnnualisedNetInflation, double MeasuredFromS, double MeasuredToS,
    IReadOnlyList<SupplyPoint> SupplyOverTime, IReadOnlyList<ValidatorYield> Yield)
{
    private static readonly double YearSeconds = AnnualInflation.Year.TotalSeconds;

    public static EconomicsReport? From(RunPlan plan, StakingRunResult? staking)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (staking?.Supply is not { Count: > 0 } supply || plan.Staking is not { } s) return null;
        var genesis = supply[0];
        var last = supply[^1];
        // Measured between epoch ends, where the blocks whose crosslinks are still in flight are as many at both ends.
        // Epoch 0 is left out when there are whole epochs after it: the chain's first blocks have no crosslink lag yet
        // (the first block pays no parent, and the first crosslink needs a child header), so it mints fewer blocks.
        var ends = supply.Where(p => p.EpochEnd).ToList();
        var (from, to) = ends.Count >= 3 ? (ends[1], ends[^1]) : ends.Count == 2 ? (ends[0], ends[^1]) : (genesis, last);
        var span = (to.At - from.At).TotalSeconds;
        var fromSupply = Atto(from.Supply);
        double Annualised(BigInteger grown) => span <= 0 || fromSupply.IsZero ? 0 : (double)grown / (double)fromSupply * YearSeconds / span;
        var minted = Atto(to.Minted) - Atto(from.Minted);
        var net = minted - (Atto(to.Burned) - Atto(from.Burned));
        var years = last.At.TotalSeconds / YearSeconds;
        var yields = (staking.StakeByNode ?? new Dictionary<int, decimal>()).OrderBy(kv => kv.Key).Select(kv =>
        {
            var v = ValidatorRef.Of(plan, kv.Key);
            var rewards = staking.RewardsByNode.GetValueOrDefault(kv.Key);
            return new ValidatorYield(v.Validator, v.Node, v.Cohort, kv.Value, rewards,
                kv.Value == 0 || years <= 0 ? 0 : Math.Round((double)rewards / (double)kv.Value / years, 8));
        }).ToList();
        return new EconomicsReport(Describe(s), OneAmount.Format(genesis.Supply), OneAmount.Format(last.Supply), OneAmount.Format(last.Minted),
            OneAmount.Format(last.MintedToRecovery), OneAmount.Format(last.Burned), Annualised(minted), Annualised(net),
            from.At.TotalSeconds, to.At.TotalSeconds,
            [.. supply.Select(p => new SupplyPoint(p.Epoch, p.At.TotalSeconds, OneAmount.Format(p.Supply), OneAmount.Format(p.Minted), OneAmount.Format(p.Burned), OneAmount.Format(p.RewardPerBlock), p.EpochEnd))],
            yields);
    }

    /// <summary>The issuance schedule in words, as report.md prints it.</summary>
    private static string Describe(StakingPlan s) => s.Issuance switch
    {
        null => Invariant($"{s.BlockReward} ONE per block per shard"),
        { AnnualInflation: { } rate } i => Invariant($"annual inflation {rate * 100:0.####} % of the supply") + (i.DaoShare > 0 ? Invariant($", {i.DaoShare * 100:0.##} % of each block's reward to the DAO") : ""),
        { } i => string.Join("; ", i.Eras.Select(e => Invariant($"{e.PerBlock} ONE per block per shard from epoch {e.FromEpoch}") + (e.DaoShare > 0 ? Invariant($" ({e.DaoShare * 100:0.##} % to the DAO)") : ""))),
    };

    private static BigInteger Atto(string atto) => BigInteger.Parse(atto, CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The supply at a beacon block (genesis, every epoch's end, the last): ONE amounts and the reward per block in force from there.</summary>
public sealed record SupplyPoint(ulong Epoch, double AtS, string Supply, string Minted, string Burned, string RewardPerBlock, bool EpochEnd);

/// <summary>
/// A validator's staking yield: rewards earned over the run (its whole due, commission and delegators' shares) over
/// its total delegation at the end, per Julian year of virtual time (Harmony's APR: reward / Δt × year / total delegation).
/// </summary>
public sealed record ValidatorYield(string Validator, int Node, string Cohort, decimal Stake, decimal Rewards, double Apr);
