using System.Text.Json.Serialization;

namespace HarmonySim.Simulation.Plans;

/// <summary>
/// A run's open-loop transaction load (the scenario's <c>load:</c> section), resolved: its sources, the block gas
/// limit leaders fill blocks up to, each shard's mempool rules, and how load transactions are signed.
/// </summary>
public sealed record LoadPlan(IReadOnlyList<LoadSourcePlan> Sources)
{
    /// <summary>Harmony's block gas limit before epoch 1673 (reference §8.1): 80,000,000.</summary>
    public const ulong MainnetBlockGasLimit = 80_000_000;

    public ulong BlockGasLimit { get; init; } = MainnetBlockGasLimit;

    public MempoolPlan Mempool { get; init; } = new();

    public TransactionSigning Signing { get; init; } = TransactionSigning.Real;

    /// <summary>The p99 finality a step of a saturation search may not exceed (null: three block times).</summary>
    public TimeSpan? SaturationFinalityBound { get; init; }
}

/// <summary>
/// One load source: its offered rate over time (transactions per second over all its shards, split evenly between
/// them), the mix of what it sends, its account population, the shards it sends on, and how arrivals are spaced.
/// </summary>
public sealed record LoadSourcePlan(
    string Name,
    RateCurve Rate,
    LoadMixPlan Mix,
    LoadAccountsPlan Accounts,
    IReadOnlyList<int> Shards,
    ArrivalProcess Arrivals);

/// <summary>
/// An offered rate over virtual time, piecewise linear through its points (two points at one time make a step);
/// zero before the first point, the last point's rate after it. Every shape the scenario offers (constant, ramp,
/// steps, bursts, a recorded trace) resolves to one of these.
/// </summary>
public sealed record RateCurve(IReadOnlyList<RatePoint> Points)
{
    public static RateCurve Constant(double perSecond) => new([new RatePoint(TimeSpan.Zero, perSecond)]);

    /// <summary>The rate at <paramref name="t"/>; at a step, the rate after it.</summary>
    public double At(TimeSpan t)
    {
        if (Points.Count == 0 || t < Points[0].At) return 0;
        var i = Points.Count - 1;
        while (i > 0 && Points[i].At > t) i--;
        // i is the last point at or before t; at a step (several points at one time) it is the last of them.
        if (i == Points.Count - 1) return Points[i].PerSecond;
        var (a, b) = (Points[i], Points[i + 1]);
        var span = (b.At - a.At).Ticks;
        return span == 0 ? b.PerSecond : a.PerSecond + ((b.PerSecond - a.PerSecond) * (t - a.At).Ticks / span);
    }
}

/// <summary>A rate (transactions per second) at a virtual time.</summary>
public readonly record struct RatePoint(TimeSpan At, double PerSecond);

/// <summary>What a source sends: the share of cross-shard transfers and of staking transactions; the rest are same-shard transfers.</summary>
public sealed record LoadMixPlan(decimal CrossShardShare, decimal StakingShare)
{
    /// <summary>Amount moved by each transfer, in ONE.</summary>
    public decimal Amount { get; init; } = 0.001m;

    /// <summary>Gas price in atto-ONE per gas; Harmony's minimum is 100 gwei (core/tx_pool.go PriceLimit).</summary>
    public ulong GasPrice { get; init; } = 100_000_000_000;
}

/// <summary>
/// A source's accounts: how many, each funded at genesis with <paramref name="Funding"/> ONE on its home shard
/// (account i lives on the source's shard i mod n), and how skewed the choice of sender is (Zipf exponent; 0 = uniform).
/// </summary>
public sealed record LoadAccountsPlan(int Count, decimal Funding, double HotSkew);

/// <summary>A shard's transaction pool: capacity and Harmony's rules (core/tx_pool.go DefaultTxPoolConfig).</summary>
public sealed record MempoolPlan
{
    /// <summary>Transactions the pool holds at most (Harmony: GlobalSlots 4,096 + GlobalQueue 5,120).</summary>
    public int Capacity { get; init; } = 9_216;

    /// <summary>The lowest gas price accepted, atto-ONE per gas (Harmony: 100 gwei).</summary>
    public ulong MinGasPrice { get; init; } = 100_000_000_000;

    /// <summary>Percent a same-nonce replacement must raise the gas price by (Harmony: 1 %).</summary>
    public int PriceBumpPercent { get; init; } = 1;
}

/// <summary>How a source spaces its arrivals: evenly by the rate's integral, or as a Poisson process from the run's seed.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ArrivalProcess>))]
public enum ArrivalProcess
{
    Uniform,
    Poisson,
}

/// <summary>
/// How load transactions are signed: real secp256k1 as they are sent (the default); real secp256k1 before the run
/// starts, off its clock, so the run measures the network's checks and not the clients' signing; or the simulated
/// scheme for the largest runs (a checksum over the sender and the signing hash that detects altered fields and a
/// wrong chain id, not forgery). Validators recover every real signature during the run in both real modes. The
/// report states which.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<TransactionSigning>))]
public enum TransactionSigning
{
    Real,
    Simulated,
    PreSigned,
}
