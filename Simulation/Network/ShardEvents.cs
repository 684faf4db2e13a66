using HarmonySim.Protocol.Consensus;
using HarmonySim.Protocol.Consensus.Messages;
using HarmonySim.Protocol.Chain.Receipts;
using HarmonySim.Protocol.Sharding.Crosslinks;
using HarmonySim.Protocol.Sharding.Randomness;
using HarmonySim.Protocol.Staking.Beacon;

namespace HarmonySim.Simulation.Network;

/// <summary>One input the shard network queues for a validator (or, for <see cref="Incoming"/>, for itself).</summary>
public abstract record ShardEvent;

/// <summary>A message arriving from node <paramref name="From"/>.</summary>
public sealed record Delivery(int From, FbftMessage Message) : ShardEvent;

/// <summary>A timer the node set, firing.</summary>
public sealed record TimerFired(TimerKind Kind, long Token) : ShardEvent;

/// <summary>A node's request for the shard's canonical blocks from a height; it becomes <see cref="SyncBlocks"/> when it comes due.</summary>
public sealed record SyncRequest(ulong FromHeight) : ShardEvent;

/// <summary>Blocks fetched for a node that asked to sync, in height order.</summary>
public sealed record SyncBlocks(IReadOnlyList<CommittedBlock> Blocks) : ShardEvent;

/// <summary>The beacon's pending crosslinks, evidence and randomness, handed to its validators whenever they change (their leader builds from them).</summary>
public sealed record BeaconPool(
    IReadOnlyList<Crosslink> Crosslinks,
    IReadOnlyList<SlashRecord> Slashes,
    IReadOnlyList<RandomnessContribution> Randomness) : ShardEvent;

/// <summary>The beacon's shard state for an epoch, as the shard received it.</summary>
public sealed record ShardStateAnnounced(ulong Epoch, byte[] ShardState) : ShardEvent;

/// <summary>The shard's pending incoming receipt proofs in arrival order, handed to its validators whenever they change (their leader credits them).</summary>
public sealed record ReceiptsPool(IReadOnlyList<CXReceiptsProof> Proofs) : ShardEvent;

/// <summary>A shard-level input: a message from another shard (or the beacon's own evidence), handled by the network itself.</summary>
public sealed record Incoming(Runs.CrossShardPayload Payload) : ShardEvent;
