using HarmonySim.Protocol.Staking.State;

namespace HarmonySim.Protocol.Staking.Transactions;

/// <summary>
/// Applies staking transactions to the staking state with every rule of reference §4.2. Pure: the same inputs give
/// the same result. An accepted transaction increments the sender's nonce; a rejected one changes nothing.
/// <see cref="Apply"/> takes the sender as given; <see cref="ApplySigned"/> first requires the sender's secp256k1
/// signature and its next nonce.
/// </summary>
public static class StakingTransactionProcessor
{
    /// <summary>
    /// Checks that <paramref name="signed"/>'s signature recovers to the message's sender and that its nonce is the
    /// sender's account nonce, then applies the message (<see cref="Apply"/>).
    /// </summary>
    public static StakingResult ApplySigned(StakingState state, SignedStakingTransaction signed, ulong epoch, StakingParameters? parameters = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(signed);
        var p = parameters ?? StakingParameters.Mainnet;
        var hash = StakingTransactionEncoding.SigningHash(signed.Message, signed.Nonce, p.ChainId);
        var signer = signed.Signature is null ? null : Crypto.Accounts.AccountKey.RecoverAddress(hash, signed.Signature);
        if (signer is null || !signer.AsSpan().SequenceEqual(signed.Message.Sender.ToArray()))
            return StakingResult.Reject(nameof(signed.Signature), $"is not a signature by the sender {signed.Message.Sender} for chain {p.ChainId}");
        var expected = state.AccountOf(signed.Message.Sender).Nonce;
        if (signed.Nonce != expected)
            return StakingResult.Reject(nameof(signed.Nonce), $"{signed.Nonce} is not the sender's next nonce {expected}");
        return Apply(state, signed.Message, epoch, p);
    }

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
            UndelegateStake tx => DelegationRules.Undelegate(state, tx, epoch, p),
            CollectRewards tx => DelegationRules.Collect(state, tx),
            _ => StakingResult.Reject("Directive", $"unknown staking transaction {transaction.GetType().Name}"),
        };
        if (result.State is not { } next) return result;
        var sender = next.AccountOf(transaction.Sender);
        return StakingResult.Accept(next.WithAccount(transaction.Sender, sender with { Nonce = sender.Nonce + 1 }));
    }
}
