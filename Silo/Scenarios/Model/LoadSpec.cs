using System.Collections.Immutable;
using HarmonySim.Protocol.Chain.Transactions;
using HarmonySim.Simulation.Plans;

namespace HarmonySim.Silo.Scenarios.Model;

/// <summary>
/// The load section: open-loop transaction sources, the block gas limit leaders fill blocks up to, each shard's
/// mempool rules and how load transactions are signed (docs/SCENARIOS.md, "load"). Defaults are Harmony's, taken
/// from <see cref="LoadPlan"/> and <see cref="MempoolPlan"/> so each has one home.
/// </summary>
public sealed record LoadSpec
{
    /// <summary>atto-ONE per gwei: gas prices are written in gwei and carried in atto-ONE per gas.</summary>
    public const ulong AttoPerGwei = 1_000_000_000;

    public ulong BlockGasLimit { get; init; } = LoadPlan.MainnetBlockGasLimit;

    public TransactionSigning Signing { get; init; } = TransactionSigning.Real;

    public LoadMempoolSpec Mempool { get; init; } = new();

    /// <summary>The p99 finality a step of a saturation search may not exceed; null leaves it to the kernel (three block times).</summary>
    public TimeSpan? SaturationFinalityBound { get; init; }

    /// <summary>At least one, with unique names, in the order of the file.</summary>
    public ImmutableArray<LoadSourceSpec> Sources { get; init; } = [];

    /// <summary>ONE one transfer of <paramref name="amount"/> at <paramref name="gasPrice"/> (atto-ONE per gas) costs its sender.</summary>
    public static decimal TransferCost(decimal amount, ulong gasPrice) => amount + Transfer.IntrinsicGas * (decimal)gasPrice / 1_000_000_000_000_000_000m;
}

/// <summary>A shard's transaction pool (file section <c>load.mempool</c>); gas prices in atto-ONE per gas.</summary>
public sealed record LoadMempoolSpec
{
    private static readonly MempoolPlan Harmony = new();

    public int Capacity { get; init; } = Harmony.Capacity;

    public ulong MinGasPrice { get; init; } = Harmony.MinGasPrice;

    public int PriceBumpPercent { get; init; } = Harmony.PriceBumpPercent;
}
