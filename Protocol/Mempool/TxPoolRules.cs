using System.Numerics;

namespace HarmonySim.Protocol.Mempool;

/// <summary>
/// The admission rules of a <see cref="TxPool"/>. The defaults are Harmony's <c>core/tx_pool.go</c>
/// <c>DefaultTxPoolConfig</c>: room for GlobalSlots + GlobalQueue = 4,096 + 5,120 = 9,216 transactions, a floor of
/// 100 gwei (PriceLimit 100e9 atto-ONE per gas), and a 1 % price bump to replace a pending transaction (PriceBump).
/// </summary>
public sealed record TxPoolRules
{
    /// <summary>Harmony's defaults.</summary>
    public static TxPoolRules Harmony { get; } = new();

    /// <summary>The most transactions the pool holds; past it, a better-paying one evicts the cheapest.</summary>
    public int Capacity { get; init; } = 9_216;

    /// <summary>The lowest gas price admitted, atto-ONE per gas.</summary>
    public BigInteger MinGasPrice { get; init; } = new(100_000_000_000);

    /// <summary>By how many percent a replacement must raise the gas price of the transaction it replaces.</summary>
    public uint PriceBumpPercent { get; init; } = 1;

    /// <summary>
    /// The block gas limit a transaction's own gas limit may not exceed (Harmony checks the current block's:
    /// 30,000,000 on mainnet since epoch 1673, reference §8.1).
    /// </summary>
    public ulong BlockGasLimit { get; init; } = 30_000_000;
}
