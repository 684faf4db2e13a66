using System.Numerics;
using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Chain.Transactions;
using HarmonySim.Protocol.Crypto;

namespace HarmonySim.Protocol.Mempool;

/// <summary>
/// A pending transaction with what the pool keeps asking about it computed once: its hash, its arrival number (the
/// tie-breaker that makes every order total, hence deterministic), what applying it takes from the sender
/// (<see cref="Spend"/>) and what the sender must hold for it to apply (<see cref="MaxCost"/>).
/// </summary>
internal sealed class PoolEntry
{
    public PoolEntry(SignedTransfer tx, long arrival)
    {
        Tx = tx;
        Arrival = arrival;
        Hash = tx.Hash;
        var m = tx.Message;
        Spend = m.Spend;
        MaxCost = m.MaxCost;
        PriceKey = m.GasPrice.Sign < 0 ? UInt128.Zero : m.GasPrice >= SaturatedPrice ? UInt128.MaxValue : (UInt128)m.GasPrice;
    }

    private static readonly BigInteger SaturatedPrice = UInt128.MaxValue;

    /// <summary>
    /// The gas price as a machine integer for the hot comparisons, saturated at both ends; <see cref="ComparePrice"/>
    /// falls back to the exact price only where saturation could hide a difference.
    /// </summary>
    private UInt128 PriceKey { get; }

    /// <summary>Orders by gas price exactly.</summary>
    public int ComparePrice(PoolEntry other)
    {
        if (PriceKey != other.PriceKey) return PriceKey < other.PriceKey ? -1 : 1;
        return PriceKey == UInt128.Zero || PriceKey == UInt128.MaxValue ? GasPrice.CompareTo(other.GasPrice) : 0;
    }

    public SignedTransfer Tx { get; }
    public long Arrival { get; }
    public Hash32 Hash { get; }
    public BigInteger Spend { get; }
    public BigInteger MaxCost { get; }
    public Address Sender => Tx.Message.From;
    public ulong Nonce => Tx.Message.Nonce;
    public BigInteger GasPrice => Tx.Message.GasPrice;
    public ulong GasLimit => Tx.Message.GasLimit;
}
