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
        if (signed.Harmony is not null) return ApplyHarmony(state, signed, epoch, p);
        var hash = StakingTransactionEncoding.SigningHash(signed.Message, signed.Nonce, p.ChainId);
        var signer = signed.Signature is null ? null : Crypto.Accounts.AccountKey.RecoverAddress(hash, signed.Signature);
        if (signer is null || !signer.AsSpan().SequenceEqual(signed.Message.Sender.ToArray()))
            return StakingResult.Reject(nameof(signed.Signature), $"is not a signature by the sender {signed.Message.Sender} for chain {p.ChainId}");
        var expected = state.AccountOf(signed.Message.Sender).Nonce;
        if (signed.Nonce != expected)
            return StakingResult.Reject(nameof(signed.Nonce), $"{signed.Nonce} is not the sender's next nonce {expected}");
        return Apply(state, signed.Message, epoch, p);
    }

    /// <summary>
    /// An outside transaction in Harmony's wire form: its bytes must decode to a transaction signed by the message's
    /// sender for this chain (<see cref="StakingParameters.ChainId"/>) with the same nonce. Its nonce is the sender's
    /// one account nonce, which the beacon's transfer ledger holds (transfers and staking share it, as in Harmony) and
    /// checks when it debits the deposit, so the staking state's own counter is not checked here. The deposit (a
    /// CreateValidator's or Delegate's amount, <see cref="SignedStakingTransaction.Deposit"/>) arrives in the sender's
    /// staking account from that ledger first, then the message applies by the usual rules.
    /// </summary>
    private static StakingResult ApplyHarmony(StakingState state, SignedStakingTransaction signed, ulong epoch, StakingParameters p)
    {
        var decoded = HarmonyStakingEncoding.Decode(signed.Harmony!);
        if (!decoded.Ok) return StakingResult.Reject(nameof(signed.Harmony), decoded.Error!);
        var tx = decoded.Value!;
        if (tx.ChainId != p.ChainId) return StakingResult.Reject(nameof(signed.Signature), $"signed for chain {tx.ChainId}, this is chain {p.ChainId}");
        if (tx.Nonce != signed.Nonce || tx.Message.Sender != signed.Message.Sender)
            return StakingResult.Reject(nameof(signed.Harmony), "the wire bytes do not match the transaction they were decoded into");
        return Apply(signed.Deposit.IsZero ? state : state.Fund(signed.Message.Sender, signed.Deposit), signed.Message, epoch, p);
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
