using HarmonySim.Protocol.Crypto.Accounts;

namespace HarmonySim.Protocol.Staking.Transactions;

/// <summary>
/// A staking transaction as sent (reference §4.1 envelope, without gas price and limit): the message, the sender's
/// account nonce, and the sender's recoverable secp256k1 signature of
/// <see cref="StakingTransactionEncoding.SigningHash"/>.
/// </summary>
public sealed record SignedStakingTransaction(StakingTransaction Message, ulong Nonce, RecoverableSignature Signature)
{
    /// <summary>Signs <paramref name="message"/> with <paramref name="key"/> for <paramref name="chainId"/> (mainnet 1).</summary>
    public static SignedStakingTransaction Sign(StakingTransaction message, ulong nonce, AccountKey key, ulong chainId)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new(message, nonce, key.Sign(StakingTransactionEncoding.SigningHash(message, nonce, chainId)));
    }
}
