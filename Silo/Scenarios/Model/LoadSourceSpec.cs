using System.Collections.Immutable;

using HarmonySim.Simulation.Plans;

namespace HarmonySim.Silo.Scenarios.Model;

/// <summary>
/// One open-loop load source (an element of <c>load.sources</c>): every transaction has an intended send time drawn
/// from <see cref="Rate"/>, whatever the network does.
/// </summary>
public sealed record LoadSourceSpec
{
    private static readonly LoadMixPlan PlanDefaults = new(0, 0);

    public string Name { get; init; } = "";

    /// <summary>The shards it sends on, in the order of the file (every shard of the network when the file names none).</summary>
    public ImmutableArray<int> Shards { get; init; } = [];

    /// <summary>Transactions per second over all of <see cref="Shards"/>.</summary>
    public RateSpec Rate { get; init; } = new ConstantRate(0);

    public ArrivalProcess Arrivals { get; init; } = ArrivalProcess.Uniform;

    public LoadMixSpec Mix { get; init; } = new();

    /// <summary>ONE moved by each transfer.</summary>
    public decimal Amount { get; init; } = PlanDefaults.Amount;

    /// <summary>atto-ONE per gas.</summary>
    public ulong GasPrice { get; init; } = PlanDefaults.GasPrice;

    public LoadAccountsSpec Accounts { get; init; } = new();
}

/// <summary>The share of cross-shard transfers and of staking transactions; the rest are same-shard transfers.</summary>
public sealed record LoadMixSpec
{
    public decimal CrossShard { get; init; }

    public decimal Staking { get; init; }
}

/// <summary>A source's senders: how many, the genesis funding of each in ONE, and the Zipf exponent of the choice of sender.</summary>
public sealed record LoadAccountsSpec
{
    public int Count { get; init; } = 1_000;

    public decimal Funding { get; init; } = 1_000m;

    /// <summary>0 = every account equally likely to send.</summary>
    public double HotSkew { get; init; }
}
