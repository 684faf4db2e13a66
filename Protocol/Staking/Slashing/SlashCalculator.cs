using System.Numerics;
using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Numeric;

namespace HarmonySim.Protocol.Staking.Slashing;

/// <summary>
/// Computes a double-sign slash (reference §5.2, <c>staking/slash/double-sign.go</c>) in exact integer arithmetic over
/// atto-ONE, with Harmony's <see cref="Dec"/> where Harmony uses it. Pure: it returns the debits and credits; applying
/// them to state is the caller's job.
/// </summary>
public static class SlashCalculator
{
    /// <summary>The 2020 rule's floor rate, 2 % (Harmony's <c>oneDoubleSignerRate</c>).</summary>
    public static readonly Dec MinimumRate2020 = Dec.Parse("0.02");

    private static readonly Dec DelegatorsPart = Dec.Parse("0.8");

    /// <summary>
    /// Current rule (<c>delegatorSlashApplyDebt</c>): validator debt = ⌊self-delegation snapshot / 2⌋; what is actually
    /// taken from the validator, .Mul(0.8).TruncateInt(), is the delegators' aggregate debt; each other delegation owes
    /// ⌊snapshot amount × aggregate / (snapshot total − the validator's current self-stake)⌋ on its own — the parts need
    /// not add up to the aggregate, and nothing left over is charged to anyone. Each debt is paid from current stake, then
    /// undelegations with epoch ≥ the offence epoch, then unclaimed reward; ⌊total / 2⌋ goes to
    /// <paramref name="beneficiary"/>, the rest is burned; Banned.
    /// <para>The denominator is Harmony's: the snapshot total less the self-stake as it is now, before this slash. Where
    /// that is zero or negative (the validator added self-stake after the snapshot until it exceeded its delegators'
    /// snapshot stake) Harmony divides by zero or charges negative debts; here the delegators then owe nothing.</para>
    /// </summary>
    public static SlashOutcome Current(SlashTarget target, Address beneficiary)
    {
        ArgumentOutOfRangeException.ThrowIfZero(target.Delegations.Count, nameof(target));
        return CurrentWithValidatorDebt(target, target.SelfDelegation.SnapshotAmount / 2, beneficiary);
    }

    /// <summary>The current rule with the validator's debt given (Harmony's <c>delegatorSlashApplyDebt</c>).</summary>
    internal static SlashOutcome CurrentWithValidatorDebt(SlashTarget target, BigInteger validatorDebt, Address beneficiary)
    {
        var self = target.SelfDelegation;
        var externalStake = target.SnapshotTotal - self.CurrentAmount;
        var validatorDebit = Pay(self, validatorDebt, target.OffenceEpoch);
        var aggregate = ApplyRate(validatorDebit.Paid, DelegatorsPart);

        var debits = new List<DelegationDebit>(target.Delegations.Count) { validatorDebit };
        foreach (var d in target.Delegations.Skip(1))
        {
            var debt = externalStake.Sign > 0 ? BigInteger.Max(d.SnapshotAmount, 0) * aggregate / externalStake : BigInteger.Zero;
            debits.Add(Pay(d, debt, target.OffenceEpoch));
        }

        var total = debits.Aggregate(BigInteger.Zero, (a, d) => a + d.Paid);
        var credit = total / 2;
        return new SlashOutcome(debits, beneficiary, credit, total - credit, ValidatorStatus.Banned);
    }

    /// <summary>
    /// The 2020 rule (as of <c>97eb8d972</c>): every delegation (self included) owes snapshot amount .Mul(rate).TruncateInt(),
    /// paid as in the current rule; the beneficiary gets ⌊paid / 2⌋ of each delegation's payment, the rest is burned;
    /// Banned. A rate above 1 is not capped, as Harmony never capped it: the debt then exceeds the snapshot stake and is
    /// paid as far as stake, undelegations and reward go.
    /// </summary>
    public static SlashOutcome Rate2020(SlashTarget target, Dec rate, Address beneficiary)
    {
        ArgumentOutOfRangeException.ThrowIfZero(target.Delegations.Count, nameof(target));
        if (rate.IsNegative) throw new ArgumentOutOfRangeException(nameof(rate), rate, "a slashing rate is not negative");
        var debits = target.Delegations
            .Select(d => Pay(d, ApplyRate(BigInteger.Max(d.SnapshotAmount, 0), rate), target.OffenceEpoch))
            .ToList();
        var credit = debits.Aggregate(BigInteger.Zero, (a, d) => a + d.Paid / 2);
        var total = debits.Aggregate(BigInteger.Zero, (a, d) => a + d.Paid);
        return new SlashOutcome(debits, beneficiary, credit, total - credit, ValidatorStatus.Banned);
    }

    /// <summary>
    /// The 2020 rate (Harmony's <c>slash.Rate</c>): Σ of the double-signed keys' group shares (each key's share of its
    /// committee's external stake, <c>GroupPercent</c>), at least 2 %, with no upper bound.
    /// </summary>
    public static Dec RateOf2020(IEnumerable<Dec> doubleSignedGroupShares)
    {
        var sum = doubleSignedGroupShares.Aggregate(Dec.Zero, (a, s) => a + s);
        return sum < MinimumRate2020 ? MinimumRate2020 : sum;
    }

    /// <summary>Either rule, by <paramref name="rule"/>; the 2020 rate is <see cref="RateOf2020"/> of the shares.</summary>
    public static SlashOutcome Compute(SlashRule rule, SlashTarget target, IEnumerable<Dec> doubleSignedGroupShares, Address beneficiary) =>
        rule == SlashRule.Current ? Current(target, beneficiary) : Rate2020(target, RateOf2020(doubleSignedGroupShares), beneficiary);

    /// <summary>An amount times a rate, truncated to the atto (Harmony's <c>applySlashRate</c>).</summary>
    public static BigInteger ApplyRate(BigInteger amount, Dec rate) => Dec.FromInteger(amount).Mul(rate).TruncateInt();

    /// <summary>Pays a debt from current stake, then undelegations made at or after the offence epoch, then unclaimed reward.</summary>
    internal static DelegationDebit Pay(SlashableDelegation d, BigInteger debt, ulong offenceEpoch)
    {
        if (debt.Sign < 0) throw new ArgumentOutOfRangeException(nameof(debt), debt, "a debt is not negative");
        var left = debt;
        var fromStake = BigInteger.Min(left, BigInteger.Max(d.CurrentAmount, 0));
        left -= fromStake;
        var fromUndelegations = new BigInteger[d.Undelegations.Count];
        for (var i = 0; i < d.Undelegations.Count; i++)
        {
            var u = d.Undelegations[i];
            if (u.Epoch < offenceEpoch) continue;
            fromUndelegations[i] = BigInteger.Min(left, BigInteger.Max(u.Amount, 0));
            left -= fromUndelegations[i];
        }
        var fromReward = BigInteger.Min(left, BigInteger.Max(d.UnclaimedReward, 0));
        return new DelegationDebit(d.Delegator, debt, fromStake, fromUndelegations, fromReward);
    }
}
