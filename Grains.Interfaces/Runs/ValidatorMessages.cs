using HarmonySim.Protocol.Consensus;
using HarmonySim.Protocol.Consensus.Messages;

namespace HarmonySim.Grains.Interfaces.Runs;

/// <summary>What happens to one validator at one virtual instant, in the order the shard's event queue fixed.</summary>
[GenerateSerializer, Immutable]
public sealed record ValidatorInput(
    [property: Id(0)] TimeSpan Now,
    [property: Id(1)] IReadOnlyList<ValidatorEvent> Events,
    [property: Id(2)] int Replica = 0,
    [property: Id(3)] int Shard = 0);

/// <summary>One input to a validator's state machine.</summary>
[GenerateSerializer, Immutable]
public abstract record ValidatorEvent;

/// <summary>A message arriving from node <paramref name="From"/>.</summary>
[GenerateSerializer, Immutable]
public sealed record Delivery([property: Id(0)] int From, [property: Id(1)] FbftMessage Message) : ValidatorEvent;

/// <summary>A timer the node set, firing.</summary>
[GenerateSerializer, Immutable]
public sealed record TimerFired([property: Id(0)] TimerKind Kind, [property: Id(1)] long Token) : ValidatorEvent;

/// <summary>Blocks fetched for a node that asked to sync, in height order.</summary>
[GenerateSerializer, Immutable]
public sealed record SyncBlocks([property: Id(0)] IReadOnlyList<CommittedBlock> Blocks) : ValidatorEvent;

/// <summary>What a validator's node did: its effects in order (after the node's behaviour filtered them), where it stands, and and what it computed.</summary>
[GenerateSerializer, Immutable]
public sealed record ValidatorOutput(
    [property: Id(0)] int Node,
    [property: Id(1)] IReadOnlyList<FbftEffect> Effects,
    [property: Id(2)] bool IsLeader,
    [property: Id(3)] ulong Height,
    [property: Id(4)] OperationCounts Operations,
    [property: Id(5)] int Replica = 0);

/// <summary>What a node computed in one step: the basis of the CPU cost model and of the report's signature count.</summary>
[GenerateSerializer, Immutable]
public sealed record OperationCounts(
    [property: Id(0)] int Signs,
    [property: Id(1)] int Verifies,
    [property: Id(2)] int AggregateVerifies,
    [property: Id(3)] int BlockValidations)
{
    public static readonly OperationCounts None = new(0, 0, 0, 0);

    public long SignatureChecks => Verifies + AggregateVerifies;
}
