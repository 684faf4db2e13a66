using System.Numerics;

namespace HarmonySim.Protocol.Chain.Transactions;

/// <summary>
/// A plain value transfer (reference §8.2, reduced): <paramref name="Amount"/> atto-ONE from <paramref name="From"/> on
/// shard <paramref name="ShardId"/> to <paramref name="To"/> on shard <paramref name="ToShardId"/>. When the shards
/// differ it is a cross-shard transfer: the source debits and emits a receipt, the destination credits (§3.5).
/// </summary>
/// <remarks>
/// Fees are out of scope for now: there is no gas price, gas limit or payload, so a transfer moves exactly its
/// amount (as if the gas price were 0). <paramref name="From"/> is carried explicitly and must be the address the
/// signature recovers to.
/// </remarks>
public sealed record Transfer(Address From, Address To, uint ShardId, uint ToShardId, BigInteger Amount, ulong Nonce)
{
    public bool IsCrossShard => ShardId != ToShardId;
}
