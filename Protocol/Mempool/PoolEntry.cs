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
        Spend = m.Amount + m.Fee;
        MaxCost = m.MaxCost;
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
