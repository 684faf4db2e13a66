using HarmonySim.Protocol.Chain.Receipts;
using HarmonySim.Protocol.Sharding.Crosslinks;
using HarmonySim.Protocol.Sharding.Randomness;
using HarmonySim.Protocol.Staking.Beacon;

namespace HarmonySim.Simulation.Runs;

/// <summary>
/// A message from one shard's network to another's, arriving at <paramref name="At"/>: at least one synchronisation
/// window after it was sent, so the receiver has not passed that time yet. Ordered at the receiver by (At, FromShard, Seq).
/// </summary>
public sealed record CrossShardMessage(TimeSpan At, int FromShard, int ToShard, long Seq, CrossShardPayload Payload);

public abstract record CrossShardPayload;

/// <summary>A shard block's crosslink for the beacon chain.</summary>
public sealed record CrosslinkSent(Crosslink Link) : CrossShardPayload;

/// <summary>Double-sign evidence a shard's node observed, for the beacon chain to include.</summary>
public sealed record EvidenceSent(SlashRecord Record) : CrossShardPayload;

/// <summary>The beacon's epoch block: the next epoch's shard state, which the shard's last block of the epoch must carry.</summary>
public sealed record ShardStateSent(ulong Epoch, byte[] ShardState) : CrossShardPayload;

/// <summary>Beacon committee members' contributions to the new epoch's randomness, gossiped among the beacon's nodes.</summary>
public sealed record RandomnessSent(IReadOnlyList<RandomnessContribution> Contributions) : CrossShardPayload;

/// <summary>A committed source block's receipts for the receiving shard, with their proof (reference §3.5).</summary>
public sealed record ReceiptsSent(CXReceiptsProof Proof) : CrossShardPayload
{
    /// <summary>
    /// Simulation bookkeeping, not protocol: the intended send time (ticks) of the load transaction behind each
    /// receipt, in receipt order (−1 for others), so the destination can report credit latency.
    /// </summary>
    public IReadOnlyList<long>? IntendedTicks { get; init; }
}
