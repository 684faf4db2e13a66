using System.Numerics;
using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Consensus;
using HarmonySim.Protocol.Staking.State;

namespace HarmonySim.Protocol.Tests.Staking.Beacon;

/// <summary>
/// The test's own statement of reference §4.6 (written from the reference, not from the distributor): a block reward
/// goes to signing external slots pro rata to voting power (floors, then one atto each to the largest remainders,
/// ties to the lower slot); a validator's due is split commission-first (rounded half up) to the validator, the
/// rest ⌊rest × amount / Σ amounts⌋ to each delegation (self first), the residue to the validator.
/// </summary>
internal static class ExpectedRewards
{
    public static Dictionary<Address, BigInteger> DueByValidator(Committee committee, IEnumerable<int> signers, BigInteger reward)
    {
        var paid = signers.Distinct().Where(i => !committee.Slots[i].IsHarmonyOperated).OrderBy(i => i).ToList();
        var total = paid.Aggregate(BigInteger.Zero, (a, i) => a + committee.PowerOf(i));
        var due = new Dictionary<Address, BigInteger>();
        if (paid.Count == 0) return due;
        var floors = paid.Select(i => reward * committee.PowerOf(i) / total).ToArray();
        var residue = reward - floors.Aggregate(BigInteger.Zero, (a, b) => a + b);
        var byRemainder = Enumerable.Range(0, paid.Count)
            .OrderByDescending(k => reward * committee.PowerOf(paid[k]) % total).ThenBy(k => paid[k]).ToList();
        for (var r = 0; r < (int)residue; r++) floors[byRemainder[r]] += 1;
        for (var k = 0; k < paid.Count; k++)
        {
            var owner = committee.Slots[paid[k]].Owner;
            due[owner] = due.GetValueOrDefault(owner) + floors[k];
        }
        return due;
    }

    /// <summary>Each delegator's reward from <paramref name="due"/> paid to <paramref name="validator"/>.</summary>
    public static Dictionary<Address, BigInteger> Split(Validator validator, BigInteger due)
    {
        var one = BigInteger.Pow(10, 18);
        var rate = new BigInteger(validator.Commission.Rate * 1_000_000_000_000_000_000m);
        var commission = (due * rate * 2 + one) / (2 * one);
        var rest = due - commission;
        var sum = validator.Delegations.Values.Aggregate(BigInteger.Zero, (a, d) => a + d.Amount);
        var result = validator.Delegations.ToDictionary(d => d.Key, d => rest * d.Value.Amount / sum);
        var given = result.Values.Aggregate(BigInteger.Zero, (a, b) => a + b);
        result[validator.Address] += commission + rest - given;
        return result;
    }
}
