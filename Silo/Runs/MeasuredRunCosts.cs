namespace HarmonySim.Silo.Runs;

/// <summary>
/// What a run costs on the host, measured, in one place: the constants behind <see cref="RunEstimate"/>. Each is a
/// conservative round figure above what was measured, so the estimate errs towards "needs more".
/// </summary>
/// <remarks>
/// Measured 2026-12-02 on AMD EPYC 2.60 GHz, 2 cores (KVM), 24 GiB, Debian 12, .NET 10.0.12, Release build
/// (`dotnet build Silo -c Release`), the machine shared with other builds (load average 9–23 on 2 cores, so the
/// rates are low and the estimate of wall time high). Command, per scenario:
/// `/usr/bin/time -f %M Silo/bin/Release/net10.0/harmonysim run SCENARIO --out /tmp/x` (peak RSS), with deliveries and
/// run time from report.json (`consensus.messages`, `timing.run_seconds`). The figures and the fit are in
/// bench/RESULTS.md, "Run estimates".
/// </remarks>
public static class MeasuredRunCosts
{
    /// <summary>
    /// Deliveries per block per shard, per node of the shard: announce, prepare, prepared, commit, and committed
    /// twice (quickstart, mainnet-2020 and scale-10k all measured 5.96–6.0 × nodes).
    /// </summary>
    public const double DeliveriesPerNodePerBlock = 6;

    /// <summary>
    /// Deliveries per second of run time with the simulated scheme: measured 73,000 (scale-100k) to 490,000
    /// (mainnet-2020) on the busy machine, 620,000 and more on a quiet one (bench/RESULTS.md, kernel section).
    /// </summary>
    public const double SimulatedDeliveriesPerSecond = 60_000;

    /// <summary>Deliveries per second of run time with real BLS signatures: measured 1,100 (mainnet-2020 with bls, 60 s; ~5,800 on a quiet machine).</summary>
    public const double BlsDeliveriesPerSecond = 900;

    /// <summary>The whole command apart from deliveries: process and silo start, report and plots (quickstart: 5.1 s in all).</summary>
    public const double StartSeconds = 8;

    /// <summary>Building the network, per validator node (scale-100k: 20 s to start 76,000 nodes).</summary>
    public const double StartSecondsPerNode = 0.0003;

    /// <summary>
    /// Peak memory of the host itself and of the server GC's headroom. Re-measured 2026-12-03 on the same machine,
    /// quiet (load 1.5–2.5), after run records stream to disk: quickstart 118–130 MiB; peak RSS of one run varies by
    /// up to 20 MiB between repeats, and scale-10k for 5 min peaked at 346 MiB, 240 MiB above its key and node terms.
    /// </summary>
    public const double BaseMemoryBytes = 250.0 * 1024 * 1024;

    /// <summary>
    /// Memory per key with the simulated scheme: keys, committees, bitmaps. scale-10k's 10,000 keys on 1,000 nodes
    /// took 203 MiB, on 6,200 nodes 257 MiB, which puts 5.8–7 KB on a key and 2–8 KB on a node.
    /// </summary>
    public const double SimulatedMemoryPerKeyBytes = 7_000;

    /// <summary>Memory per key with real BLS (mainnet-2020 with bls: 220 MiB against ~175 MiB simulated, ~47 KB more a key).</summary>
    public const double BlsMemoryPerKeyBytes = 80_000;

    /// <summary>Memory per validator node: its host, FBFT state and grain (see <see cref="SimulatedMemoryPerKeyBytes"/>).</summary>
    public const double MemoryPerNodeBytes = 6_000;

    /// <summary>
    /// Memory that grows with the run's length now that records stream to disk: re-measured 2026-12-03, scale-10k
    /// 2 → 20 min grew 10 MB over 20 M deliveries (0.5 B each), mainnet-2020 5 → 50 min not at all. Before streaming it
    /// was 7–20 B (bench/RESULTS.md, "Bounded memory").
    /// </summary>
    public const double MemoryPerDeliveryBytes = 1;

    /// <summary>One line of events.jsonl (a commit, view change or fault; measured 172–176 bytes).</summary>
    public const double EventLineBytes = 200;

    /// <summary>One row per committed block in blocks.csv.</summary>
    public const double BlockRowBytes = 120;

    /// <summary>The rest of the run folder: report.json, report.md, plots, the scenario (measured 100–210 KB).</summary>
    public const double FixedOutputBytes = 1024.0 * 1024;
}
