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
        typeof(Simulation.Testnet.CreditedReceipt), typeof(Simulation.Testnet.StakingSnapshot),
        typeof(Simulation.Campaigns.CampaignSettings), typeof(Simulation.Campaigns.CampaignRun)];

    /// <summary>Registers the JSON codec for the kernel's records; every silo and client of a cluster must call it.</summary>
    public static ISerializerBuilder AddKernelRecords(this ISerializerBuilder builder) =>
        builder.AddJsonSerializer(isSerializable: Types.Contains, isCopyable: _ => false, options => options.Configure(o => o.SerializerOptions = new JsonSerializerOptions(JsonSerializerDefaults.General)));
}

/// <summary>
/// Passes a kernel record by reference inside a silo (see <see cref="KernelRecords"/>: they are immutable). One
/// registered copier per record type, since Orleans looks copiers up by the concrete type.
/// </summary>
public abstract class ByReferenceCopier<T> : IDeepCopier<T> where T : class
{
    public T? DeepCopy(T? input, CopyContext context) => input;
}

[RegisterCopier]
public sealed class RunPlanCopier : ByReferenceCopier<RunPlan>;

[RegisterCopier]
public sealed class RunResultCopier : ByReferenceCopier<RunResult>;

[RegisterCopier]
public sealed class ShardResultCopier : ByReferenceCopier<ShardResult>;

[RegisterCopier]
public sealed class ShardRecordsCopier : ByReferenceCopier<ShardRecords>;

[RegisterCopier]
public sealed class NodeStatusCopier : ByReferenceCopier<NodeStatus>;

[RegisterCopier]
public sealed class AccountStateCopier : ByReferenceCopier<Simulation.Testnet.AccountState>;

[RegisterCopier]
public sealed class ChainBlockCopier : ByReferenceCopier<Simulation.Testnet.ChainBlock>;

[RegisterCopier]
public sealed class ChainTransactionCopier : ByReferenceCopier<Simulation.Testnet.ChainTransaction>;

[RegisterCopier]
public sealed class CreditedReceiptCopier : ByReferenceCopier<Simulation.Testnet.CreditedReceipt>;

[RegisterCopier]
public sealed class StakingSnapshotCopier : ByReferenceCopier<Simulation.Testnet.StakingSnapshot>;

[RegisterCopier]
public sealed class CampaignSettingsCopier : ByReferenceCopier<Simulation.Campaigns.CampaignSettings>;

[RegisterCopier]
public sealed class CampaignRunCopier : ByReferenceCopier<Simulation.Campaigns.CampaignRun>;
