using HarmonySim.Protocol.Crypto;
using HarmonySim.Protocol.Crypto.Accounts;

namespace HarmonySim.Protocol.Staking.Transactions;

/// <summary>
/// A staking transaction as sent (reference §4.1 envelope, without gas price and limit): the message, the sender's
/// account nonce, and the sender's recoverable secp256k1 signature of
/// <see cref="StakingTransactionEncoding.SigningHash"/>. A transaction from outside (a wallet, over
/// <c>hmy_sendRawStakingTransaction</c>) keeps the bytes its wallet signed in Harmony's wire form
/// (<see cref="Harmony"/>): the block body carries them, the transaction root hashes them, and the signature is
/// checked over Harmony's signing hash instead (<see cref="HarmonyStakingEncoding"/>).
/// </summary>
public sealed record SignedStakingTransaction(StakingTransaction Message, ulong Nonce, RecoverableSignature Signature)
{
    /// <summary>Harmony's signed RLP when the transaction came from outside, else null (the simulator's own form).</summary>
    public byte[]? Harmony { get; init; }

    /// <summary>Harmony's transaction hash (Keccak-256 of the signed bytes) of an outside transaction, else null.</summary>
    public Hash32? HarmonyHash => Harmony is null ? null : Keccak256.Hash(Harmony);

    /// <summary>Signs <paramref name="message"/> with <paramref name="key"/> for <paramref name="chainId"/> (mainnet 1).</summary>
    public static SignedStakingTransaction Sign(StakingTransaction message, ulong nonce, AccountKey key, ulong chainId)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new(message, nonce, key.Sign(StakingTransactionEncoding.SigningHash(message, nonce, chainId)));
    }

    /// <summary>A wallet's transaction as decoded from <paramref name="bytes"/>, keeping the bytes.</summary>
    public static SignedStakingTransaction FromHarmony(HarmonyStakingTransaction decoded, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(decoded);
        return new(decoded.Message, decoded.Nonce, decoded.Signature) { Harmony = bytes };
    }

    /// <summary>ONE an outside transaction moves from the sender's shard-0 balance into the staking state: a CreateValidator's or Delegate's amount, else 0.</summary>
    public System.Numerics.BigInteger Deposit => Harmony is null ? System.Numerics.BigInteger.Zero : Message switch
    {
        CreateValidator c => c.Amount,
        DelegateStake d => d.Amount,
        _ => System.Numerics.BigInteger.Zero,
    };
}
