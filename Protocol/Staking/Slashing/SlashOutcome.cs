using System.Numerics;
using HarmonySim.Protocol.Chain;

namespace HarmonySim.Protocol.Staking.Slashing;

/// <summary>
/// The effect of one slash: per-delegation debits (same order as the target's delegations), the credit to the
/// beneficiary (the including leader's address), the burned amount and the validator's new status.
/// Always <c>TotalSlashed == BeneficiaryCredit + Burned</c>, exactly.
/// </summary>
public sealed record SlashOutcome(
    IReadOnlyList<DelegationDebit> Debits,
    Address Beneficiary,
    BigInteger BeneficiaryCredit,
    BigInteger Burned,
    ValidatorStatus NewStatus)
{
    public BigInteger TotalSlashed => Debits.Aggregate(BigInteger.Zero, (a, d) => a + d.Paid);
}
