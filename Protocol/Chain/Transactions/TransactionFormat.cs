namespace HarmonySim.Protocol.Chain.Transactions;

/// <summary>
/// How a transfer is encoded and what its sender signed. The simulator's own form carries the sender and a tag; the
/// two outside forms are the ones wallets send (reference §8.2): Harmony's transaction RLP with shard ids, and a
/// legacy Ethereum transaction whose EIP-155 chain id names the shard. All three execute the same way.
/// </summary>
public enum TransactionFormat
{
    /// <summary><see cref="TransferEncoding"/>: tagged, the sender explicit.</summary>
    HarmonySim,

    /// <summary>Harmony's <c>core/types/transaction.go</c> RLP: nonce, gas price, gas, shard, to-shard, to, amount, payload, v, r, s.</summary>
    Harmony,

    /// <summary>A legacy (pre-EIP-2718) Ethereum transaction: nonce, gas price, gas, to, value, data, v, r, s; always in-shard.</summary>
    Ethereum,
}
