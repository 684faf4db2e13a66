using HarmonySim.Simulation.Plans;

namespace HarmonySim.Silo.Runs;

/// <summary>
/// What a load section adds to a run, from bench/throughput.sh on the reference machine (2 cores; bench/RESULTS.md,
/// "Throughput"): wall time per offered transaction by signing mode (the run's seconds ÷ 444,000 offered: 17 µs
/// simulated, 184 µs real; pre-signed, run and signing start together: 187 µs; the last two rounded up), and memory
/// derived from the peaks there: about 560 MiB above mainnet-2020's own for some 400,000 transactions held in pools
/// and blocks in flight (≈ 1.4 KB each), and 152 MiB more when the 444,000 are pre-signed (≈ 350 B each, rounded up
/// to 450 for the signing's garbage).
/// </summary>
public static class MeasuredLoadCosts
{
    /// <summary>Wall seconds per transaction with simulated signatures (pool, block, ledger, records): about 17 µs.</summary>
    public const double SimulatedSecondsPerTransaction = 17e-6;

    /// <summary>With real secp256k1 signed as sent: signing and recovery on the run's clock, about 200 µs.</summary>
    public const double RealSecondsPerTransaction = 200e-6;

    /// <summary>Pre-signed: recovery on the clock (about 100 µs) and signing before it (about 100 µs).</summary>
    public const double PreSignedSecondsPerTransaction = 200e-6;

    /// <summary>A transaction held in a pool or a block in flight, with its encoding and recovered sender.</summary>
    public const double BytesPerHeldTransaction = 1_500;

    /// <summary>Blocks a shard holds while no replica can need them yet (forgetting every 8, keeping 16).</summary>
    public const double BlocksHeldPerShard = 24;

    /// <summary>A pre-signed transaction kept from the start until sent.</summary>
    public const double BytesPerPreSignedTransaction = 450;

    /// <summary>A row of transactions.csv (second, shard, offered, finalised).</summary>
    public const double TableRowBytes = 20;

    public static double WallSecondsPerTransaction(TransactionSigning signing) => signing switch
    {
        TransactionSigning.Simulated => SimulatedSecondsPerTransaction,
        TransactionSigning.PreSigned => PreSignedSecondsPerTransaction,
        _ => RealSecondsPerTransaction,
    };

    /// <summary>Transactions the load offers over <paramref name="duration"/>: the integral of every source's rate curve.</summary>
    public static double Offered(LoadPlan load, TimeSpan duration)
    {
        ArgumentNullException.ThrowIfNull(load);
        var total = 0.0;
        foreach (var source in load.Sources)
        {
            var points = source.Rate.Points;
            var cuts = points.Select(p => p.At).Where(t => t < duration).Append(duration).Distinct().Order().ToList();
            for (var i = 0; i + 1 < cuts.Count; i++)
                total += (source.Rate.At(cuts[i]) + source.Rate.At(cuts[i + 1] - TimeSpan.FromTicks(1))) / 2 * (cuts[i + 1] - cuts[i]).TotalSeconds;
        }
        return total;
    }

    /// <summary>Memory the load holds at any time: every shard's full pool and the full blocks in flight, plus pre-signed transactions.</summary>
    public static double MemoryBytes(LoadPlan load, int shards, double offered)
    {
        ArgumentNullException.ThrowIfNull(load);
        var perBlock = load.BlockGasLimit / Protocol.Chain.Transactions.Transfer.IntrinsicGas;
        var held = shards * (load.Mempool.Capacity + (BlocksHeldPerShard * perBlock)) * BytesPerHeldTransaction;
        return held + (load.Signing == TransactionSigning.PreSigned ? offered * BytesPerPreSignedTransaction : 0);
    }
}
