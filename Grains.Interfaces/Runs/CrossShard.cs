using HarmonySim.Protocol.Chain.Receipts;
using HarmonySim.Protocol.Sharding.Crosslinks;
using HarmonySim.Protocol.Sharding.Randomness;
using HarmonySim.Protocol.Staking.Beacon;

namespace HarmonySim.Grains.Interfaces.Runs;

/// <summary>
/// A message from one shard's network to another's, arriving at <paramref name="At"/>: at least one synchronisation
/// window after it was sent, so the receiver has not passed that time yet. Ordered at the receiver by (At, FromShard, Seq).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record CrossShardMessage(
    [property: Id(0)] TimeSpan At,
    [property: Id(1)] int FromShard,
    [property: Id(2)] int ToShard,
    [property: Id(3)] long Seq,
    [property: Id(4)] CrossShardPayload Payload);

[GenerateSerializer, Immutable]
public abstract record CrossShardPayload;

/// <summary>A shard block's crosslink for the beacon chain.</summary>
[GenerateSerializer, Immutable]
public sealed record CrosslinkSent([property: Id(0)] Crosslink Link) : CrossShardPayload;

/// <summary>Double-sign evidence a shard's node observed, for the beacon chain to include.</summary>
[GenerateSerializer, Immutable]
public sealed record EvidenceSent([property: Id(0)] SlashRecord Record) : CrossShardPayload;

/// <summary>The beacon's epoch block: the next epoch's shard state, which the shard's last block of the epoch must carry.</summary>
[GenerateSerializer, Immutable]
public sealed record ShardStateSent([property: Id(0)] ulong Epoch, [property: Id(1)] byte[] ShardState) : CrossShardPayload;

/// <summary>Beacon committee members' contributions to the new epoch's randomness, gossiped among the beacon's nodes.</summary>
[GenerateSerializer, Immutable]
public sealed record RandomnessSent([property: Id(0)] IReadOnlyList<RandomnessContribution> Contributions) : CrossShardPayload;

/// <summary>The beacon's pending crosslinks and evidence, handed to its validators whenever it changes (their leader builds from it).</summary>
[GenerateSerializer, Immutable]
public sealed record BeaconPool(
    [property: Id(0)] IReadOnlyList<Crosslink> Crosslinks,
    [property: Id(1)] IReadOnlyList<SlashRecord> Slashes,
    [property: Id(2)] IReadOnlyList<RandomnessContribution> Randomness) : ValidatorEvent;

/// <summary>The beacon's shard state for an epoch, as the shard received it.</summary>
[GenerateSerializer, Immutable]
public sealed record ShardStateAnnounced([property: Id(0)] ulong Epoch, [property: Id(1)] byte[] ShardState) : ValidatorEvent;

/// <summary>A committed source block's receipts for the receiving shard, with their proof (reference §3.5).</summary>
[GenerateSerializer, Immutable]
public sealed record ReceiptsSent([property: Id(0)] CXReceiptsProof Proof) : CrossShardPayload;

/// <summary>The shard's pending incoming receipt proofs in arrival order, handed to its validators whenever they change (their leader credits them).</summary>
[GenerateSerializer, Immutable]
public sealed record ReceiptsPool([property: Id(0)] IReadOnlyList<CXReceiptsProof> Proofs) : ValidatorEvent;
