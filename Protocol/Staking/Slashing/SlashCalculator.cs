using System.Numerics;
using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Consensus.Quorum;

namespace HarmonySim.Protocol.Staking.Slashing;

/// <summary>
/// Computes a double-sign slash (reference §5.2) in exact integer arithmetic over atto-ONE. Pure: it returns
/// the debits and credits; applying them to state is the caller's job.
/// </summary>
public static class SlashCalculator
{
    /// <summary>The 2020 rule's floor rate, 2 %, in 18-decimal fixed point.</summary>
    public const long MinimumRate2020 = VotingPower.One / 50;

    /// <summary>
    /// Current rule: validator debt = ⌊self-delegation snapshot / 2⌋; delegators' total debt = ⌊4/5 × what was actually
    /// taken from the validator⌋, split pro rata by snapshot amount (largest remainder, ties to the earlier delegation,
    /// so the parts sum to the total exactly); each debt paid from current stake, then undelegations with epoch ≥ the
    /// offence epoch, then unclaimed reward; ⌊total / 2⌋ to <paramref name="beneficiary"/>, the rest burned; Banned.
    /// </summary>
    public static SlashOutcome Current(SlashTarget target, Address beneficiary)
    {
        ArgumentOutOfRangeException.ThrowIfZero(target.Delegations.Count, nameof(target));
        var self = target.SelfDelegation;
        var validatorDebit = Pay(self, self.SnapshotAmount / 2, target.OffenceEpoch);
        var taken = validatorDebit.Paid;
        var delegatorsTotal = taken * 4 / 5;

        var others = target.Delegations.Skip(1).ToList();
        var debts = ProRataSplit.LargestRemainder(delegatorsTotal, [.. others.Select(d => d.SnapshotAmount)]);
        var debits = new List<DelegationDebit>(target.Delegations.Count) { validatorDebit };
        for (var i = 0; i < others.Count; i++) debits.Add(Pay(others[i], debts[i], target.OffenceEpoch));

        var total = debits.Aggregate(BigInteger.Zero, (a, d) => a + d.Paid);
        var credit = total / 2;
        return new SlashOutcome(debits, beneficiary, credit, total - credit, ValidatorStatus.Banned);
    }

    /// <summary>
    /// The 2020 rule: rate = Σ of the double-signed keys' vote shares (18-decimal fixed point, as the committee's
    /// <c>PowerOf</c>), at least 2 %, at most 1; every delegation (self included) owes ⌊rate × snapshot amount⌋, paid as
    /// in the current rule; the beneficiary gets ⌊paid / 2⌋ of each delegation's payment, the rest is burned; Banned.
    /// </summary>
    public static SlashOutcome Rate2020(SlashTarget target, IEnumerable<long> doubleSignedKeyShares, Address beneficiary)
    {
        ArgumentOutOfRangeException.ThrowIfZero(target.Delegations.Count, nameof(target));
        var rate = RateOf2020(doubleSignedKeyShares);
        var debits = target.Delegations
            .Select(d => Pay(d, d.SnapshotAmount * rate / VotingPower.One, target.OffenceEpoch))
            .ToList();
        var credit = debits.Aggregate(BigInteger.Zero, (a, d) => a + d.Paid / 2);
        var total = debits.Aggregate(BigInteger.Zero, (a, d) => a + d.Paid);
        return new SlashOutcome(debits, beneficiary, credit, total - credit, ValidatorStatus.Banned);
    }

    /// <summary>The 2020 rate in 18-decimal fixed point: Σ shares clamped to [2 %, 100 %].</summary>
    public static long RateOf2020(IEnumerable<long> doubleSignedKeyShares)
    {
        var sum = doubleSignedKeyShares.Aggregate(BigInteger.Zero, (a, s) => a + s);
        return (long)BigInteger.Clamp(sum, MinimumRate2020, VotingPower.One);
    }

    /// <summary>Either rule, by <paramref name="rule"/>.</summary>
    public static SlashOutcome Compute(SlashRule rule, SlashTarget target, IEnumerable<long> doubleSignedKeyShares, Address beneficiary) =>
        rule == SlashRule.Current ? Current(target, beneficiary) : Rate2020(target, doubleSignedKeyShares, beneficiary);

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
