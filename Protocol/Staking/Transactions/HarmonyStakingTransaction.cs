using HarmonySim.Protocol.Crypto;
using HarmonySim.Protocol.Crypto.Accounts;

namespace HarmonySim.Protocol.Staking.Transactions;

/// <summary>
/// A staking transaction as Harmony's node receives it (<c>hmy_sendRawStakingTransaction</c>), decoded by
/// <see cref="HarmonyStakingEncoding"/>: the message, the sender's nonce, gas price and limit, the chain id its
/// EIP-155 signature commits to, the signature, and the transaction hash (Keccak-256 of the bytes). The sender
/// recovered from the signature is the message's <see cref="StakingTransaction.Sender"/> (decoding checks it).
/// </summary>
public sealed record HarmonyStakingTransaction(
    StakingTransaction Message,
    ulong Nonce,
    System.Numerics.BigInteger GasPrice,
    ulong GasLimit,
    ulong ChainId,
    RecoverableSignature Signature,
    Hash32 Hash);
