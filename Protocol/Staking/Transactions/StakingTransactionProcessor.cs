using HarmonySim.Protocol.Staking.State;

namespace HarmonySim.Protocol.Staking.Transactions;

/// <summary>
/// Applies staking transactions to the staking state with every rule of reference §4.2. Pure: the same inputs give
/// the same result. An accepted transaction increments the sender's nonce; a rejected one changes nothing.
/// The sender is taken as given (no secp256k1 signature or nonce is checked here).
/// </summary>
public static class StakingTransactionProcessor
{
    public static StakingResult Apply(StakingState state, StakingTransaction transaction, ulong epoch, StakingParameters? parameters = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(transaction);
        var p = parameters ?? StakingParameters.Mainnet;
        var result = transaction switch
        {
            CreateValidator tx => CreateValidatorRules.Apply(state, tx, epoch, p),
            EditValidator tx => EditValidatorRules.Apply(state, tx, epoch, p),
            DelegateStake tx => DelegationRules.Delegate(state, tx, epoch, p),
            UndelegateStake tx => DelegationRules.Undelegate(state, tx, epoch),
            CollectRewards tx => DelegationRules.Collect(state, tx),
            _ => StakingResult.Reject("Directive", $"unknown staking transaction {transaction.GetType().Name}"),
        };
        if (result.State is not { } next) return result;
        var sender = next.AccountOf(transaction.Sender);
        return StakingResult.Accept(next.WithAccount(transaction.Sender, sender with { Nonce = sender.Nonce + 1 }));
    }
}
