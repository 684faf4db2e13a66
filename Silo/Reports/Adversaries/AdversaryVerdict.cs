namespace HarmonySim.Silo.Reports.Adversaries;

/// <summary>
/// One adversary's verdict (report.json <c>adversaries[]</c>, report.md "Adversaries"; docs/GAME-OF-STAKES.md,
/// "Verdicts"): a cohort with a behaviour other than honest — one per team strategy step, since a step is a cohort's
/// behaviour — what it was, what it achieved, how it was caught and punished, what it cost and earned, and how the
/// honest network answered. Amounts in ONE, times in virtual seconds.
/// </summary>
public sealed record AdversaryVerdict(
    string Cohort, string? Team, string Behaviour, VerdictWindow Window, VerdictSize Size, IReadOnlyList<AimResult> Aims,
    IReadOnlyList<string> Achieved, VerdictPunishment Punishment, VerdictCost Cost, VerdictAnswer Answer);

/// <summary>When the behaviour was in force: from, and until (null: to the end of the run).</summary>
public sealed record VerdictWindow(double FromS, double? UntilS);

/// <summary>
/// The adversary's size: nodes, keys, its share of each shard's voting power in the first committee (shard order), and
/// its share of the external stake at genesis.
/// </summary>
public sealed record VerdictSize(int Nodes, int Keys, IReadOnlyList<double> ShardVotingPower, double StakeShare);

/// <summary>
/// One aim of the catalogue (<see cref="AdversaryAims"/>): whether the adversary achieved it, a measure (its unit is
/// the aim's: seconds halted, 1 for a fork, the most voting power held, messages refused) and a sentence.
/// </summary>
public sealed record AimResult(string Aim, bool Achieved, double Measure, string Detail);

/// <summary>
/// Detection and punishment: slashes (each one double-sign evidence the beacon chain included), the amount slashed,
/// nodes jailed (for low availability) and nodes banned (slashed validators are banned for good).
/// </summary>
public sealed record VerdictPunishment(int EvidenceIncluded, decimal Slashed, int Jailed, int Banned);

/// <summary>
/// Cost and earnings: rewards earned; <c>honest_rewards</c>, what the same self-stake earned at the honest validators'
/// rate (their rewards per ONE of genesis self-stake); <c>rewards_forgone</c> = honest_rewards − rewards (negative when
/// it out-earned honest stake); stake lost to slashing. All 0 without a staking section.
/// </summary>
public sealed record VerdictCost(decimal Stake, decimal Rewards, decimal HonestRewards, decimal StakeLost)
{
    /// <summary>What the same stake would have earned at the honest rate, minus what it earned.</summary>
    public decimal RewardsForgone => HonestRewards - Rewards;
}

/// <summary>
/// The honest network's answer in the adversary's shards (summed, or the worst of them): view changes completed
/// inside the window, the longest time without a commit overlapping it, and the time to recover — from the window's
/// end to the first commit after it, or for a window open to the end, from the start of the last halt inside it to
/// the commit that ended it; null when the shard never committed again (or was never halted by an open window).
/// </summary>
public sealed record VerdictAnswer(long ViewChanges, long CommitsInWindow, double LongestStallS, double? RecoveryS);
