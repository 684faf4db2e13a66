using System.Text.Json;
using HarmonySim.Simulation.Network;
using HarmonySim.Simulation.Plans;
using HarmonySim.Simulation.Results;
using Orleans.Serialization;
using Orleans.Serialization.Cloning;

namespace HarmonySim.Grains.Interfaces.Serialization;

/// <summary>
/// The kernel's plan and result records cross silos as JSON: the kernel is free of Orleans (no serializer
/// attributes), they cross once per run and shard, and they hold only numbers, strings and times. Inside a silo they
/// are passed by reference: they are immutable records, never changed after they are made. A shard's records cross
/// once per run step (a few commits and log lines each).
/// </summary>
public static class KernelRecords
{
    private static readonly HashSet<Type> Types = [typeof(RunPlan), typeof(RunResult), typeof(ShardResult), typeof(ShardRecords), typeof(NodeStatus),
        typeof(Simulation.Testnet.AccountState), typeof(Simulation.Testnet.ChainBlock), typeof(Simulation.Testnet.ChainTransaction),
        typeof(Simulation.Testnet.CreditedReceipt), typeof(Simulation.Testnet.StakingSnapshot)];

    /// <summary>Registers the JSON codec for the kernel's records; every silo and client of a cluster must call it.</summary>
    public static ISerializerBuilder AddKernelRecords(this ISerializerBuilder builder) =>
        builder.AddJsonSerializer(isSerializable: Types.Contains, isCopyable: _ => false, options => options.Configure(o => o.SerializerOptions = new JsonSerializerOptions(JsonSerializerDefaults.General)));
}

[RegisterCopier]
public sealed class RunPlanCopier : IDeepCopier<RunPlan>
{
    public RunPlan? DeepCopy(RunPlan? input, CopyContext context) => input;
}

[RegisterCopier]
public sealed class RunResultCopier : IDeepCopier<RunResult>
{
    public RunResult? DeepCopy(RunResult? input, CopyContext context) => input;
}

[RegisterCopier]
public sealed class ShardResultCopier : IDeepCopier<ShardResult>
{
    public ShardResult? DeepCopy(ShardResult? input, CopyContext context) => input;
}

[RegisterCopier]
public sealed class ShardRecordsCopier : IDeepCopier<ShardRecords>
{
    public ShardRecords? DeepCopy(ShardRecords? input, CopyContext context) => input;
}

[RegisterCopier]
public sealed class NodeStatusCopier : IDeepCopier<NodeStatus>
{
    public NodeStatus? DeepCopy(NodeStatus? input, CopyContext context) => input;
}

[RegisterCopier]
public sealed class AccountStateCopier : IDeepCopier<Simulation.Testnet.AccountState>
{
    public Simulation.Testnet.AccountState? DeepCopy(Simulation.Testnet.AccountState? input, CopyContext context) => input;
}

[RegisterCopier]
public sealed class ChainBlockCopier : IDeepCopier<Simulation.Testnet.ChainBlock>
{
    public Simulation.Testnet.ChainBlock? DeepCopy(Simulation.Testnet.ChainBlock? input, CopyContext context) => input;
}

[RegisterCopier]
public sealed class ChainTransactionCopier : IDeepCopier<Simulation.Testnet.ChainTransaction>
{
    public Simulation.Testnet.ChainTransaction? DeepCopy(Simulation.Testnet.ChainTransaction? input, CopyContext context) => input;
}

[RegisterCopier]
public sealed class CreditedReceiptCopier : IDeepCopier<Simulation.Testnet.CreditedReceipt>
{
    public Simulation.Testnet.CreditedReceipt? DeepCopy(Simulation.Testnet.CreditedReceipt? input, CopyContext context) => input;
}

[RegisterCopier]
public sealed class StakingSnapshotCopier : IDeepCopier<Simulation.Testnet.StakingSnapshot>
{
    public Simulation.Testnet.StakingSnapshot? DeepCopy(Simulation.Testnet.StakingSnapshot? input, CopyContext context) => input;
}
