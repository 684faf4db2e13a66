using System.Numerics;
using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Consensus;
using HarmonySim.Protocol.Numeric;
using HarmonySim.Protocol.Staking.State;

namespace HarmonySim.Protocol.Tests.Staking.Beacon;

/// <summary>
/// The test's own statement of reference §4.6 in Harmony's decimal arithmetic (written from the reference and Harmony's
/// <c>processOneCrossLink</c> / <c>AddReward</c>, not from the distributor): a signing external slot gets
/// R.Mul(power.Quo(Σ signing external power)).TruncateInt(); a validator's due is split commission-first
/// (rate.MulInt(due).RoundInt()) to the validator, then share.MulInt(rest).RoundInt() to each delegation (self first),
/// share = amount.Quo(Σ amounts); what is left, if anything, to the validator.
/// </summary>
internal static class ExpectedRewards
{
    public static Dictionary<Address, BigInteger> DueByValidator(Committee committee, IEnumerable<int> signers, BigInteger reward)
    {
        var paid = signers.Distinct().Where(i => !committee.Slots[i].IsHarmonyOperated).OrderBy(i => i).ToList();
        var total = paid.Aggregate(Dec.Zero, (a, i) => a + new Dec(committee.PowerOf(i)));
        var due = new Dictionary<Address, BigInteger>();
        foreach (var i in paid)
        {
            var owner = committee.Slots[i].Owner;
            due[owner] = due.GetValueOrDefault(owner) + Dec.FromInteger(reward).Mul(new Dec(committee.PowerOf(i)).Quo(total)).TruncateInt();
        }
        return due;
    }

    /// <summary>Each delegator's reward from <paramref name="due"/> paid to <paramref name="validator"/>.</summary>
    public static Dictionary<Address, BigInteger> Split(Validator validator, BigInteger due)
    {
        var commission = Dec.FromDecimal(validator.Commission.Rate).MulInt(due).RoundInt();
        var rest = due - commission;
        var sum = Dec.FromInteger(validator.Delegations.Values.Aggregate(BigInteger.Zero, (a, d) => a + d.Amount));
        var result = validator.Delegations.ToDictionary(d => d.Key, d => Dec.FromInteger(d.Value.Amount).Quo(sum).MulInt(rest).RoundInt());
        var left = rest - result.Values.Aggregate(BigInteger.Zero, (a, b) => a + b);
        result[validator.Address] += commission + BigInteger.Max(left, 0);
        return result;
    }
}
