using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Staking.State;

namespace HarmonySim.Protocol.Staking.Transactions;

/// <summary>
/// Harmony's <c>checkDuplicateFields</c> (<c>core/staking_verifier.go</c>): a non-empty Identity may belong to only
/// one validator.
/// </summary>
internal static class DescriptionRules
{
    public static Rejection? IdentityTaken(StakingState state, Address self, ValidatorDescription description)
    {
        if (string.IsNullOrEmpty(description.Identity)) return null;
        var owner = state.Validators.Values.FirstOrDefault(v => v.Address != self && v.Description.Identity == description.Identity);
        return owner is null ? null : new Rejection("Description.Identity", $"\"{description.Identity}\" is already the identity of validator {owner.Address}");
    }
}
