using HarmonySim.Silo.Scenarios.Model;
using HarmonySim.Simulation.Plans;

namespace HarmonySim.Silo.Runs;

/// <summary>Resolves a scenario's load section into the kernel's <see cref="LoadPlan"/>: each rate shape becomes its curve.</summary>
internal static class LoadPlanBuilder
{
    /// <param name="runLength">The run's virtual length, over which periodic bursts are expanded.</param>
    public static LoadPlan? Build(LoadSpec? load, TimeSpan runLength) =>
        load is null ? null : new LoadPlan([.. load.Sources.Select(s => Source(s, runLength))])
        {
            BlockGasLimit = load.BlockGasLimit,
            Mempool = new MempoolPlan { Capacity = load.Mempool.Capacity, MinGasPrice = load.Mempool.MinGasPrice, PriceBumpPercent = load.Mempool.PriceBumpPercent },
            Signing = load.Signing,
            SaturationFinalityBound = load.SaturationFinalityBound,
        };

    private static LoadSourcePlan Source(LoadSourceSpec s, TimeSpan runLength) =>
        new(s.Name, s.Rate.ToCurve(runLength),
            new LoadMixPlan(s.Mix.CrossShard, s.Mix.Staking) { Amount = s.Amount, GasPrice = s.GasPrice },
            new LoadAccountsPlan(s.Accounts.Count, s.Accounts.Funding, s.Accounts.HotSkew),
            [.. s.Shards], s.Arrivals);
}
