using System.Globalization;
using System.Numerics;
using HarmonySim.Grains.Interfaces.Runs;
using HarmonySim.Simulation.Plans;
using HarmonySim.Simulation.Results;
using HarmonySim.Simulation.Runs;

namespace HarmonySim.Silo.Reports;

/// <summary>
/// The report's <c>transactions</c> section and the <c>balances</c> check of a run with transfers, from each shard's
/// canonical-chain record. Submitted counts scripted transfers sent by the end of the run; committed, those applied
/// on their source shard; rejected, those that can never apply (see the network's record); cross_shard_committed,
/// receipts credited on their destination. Latency runs from submission to the source commit for a same-shard
/// transfer and to the destination credit for a cross-shard one; tps is committed transfers per simulated second.
/// </summary>
public static class TransferReport
{
    public static TransactionsReport Transactions(RunRecord result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var shards = result.Shards.Select(s => s.Transfers).OfType<TransferRunResult>().ToList();
        if (shards.Count == 0) return new TransactionsReport(0, 0, 0, 0, new LatencyPercentiles(0, 0, 0), 0);
        var latencies = shards.SelectMany(s => s.SameShardLatencies.Concat(s.CrossShardLatencies)).Select(t => t.TotalSeconds).ToList();
        var committed = shards.Sum(s => s.Committed);
        var seconds = result.SimulatedTime.TotalSeconds;
        var tps = seconds <= 0 ? 0 : Math.Round(committed / seconds, 6);
        if (result.Plan.Load is null)
            return new TransactionsReport(shards.Sum(s => s.Submitted), committed, shards.Sum(s => s.Rejected), tps,
                new LatencyPercentiles(Stats.Percentile(latencies, 50), Stats.Percentile(latencies, 95), Stats.Percentile(latencies, 99)),
                shards.Sum(s => s.CrossShardLatencies.Count));
        // With load, the latencies are the load's finality (scripted transfers, if any, are few beside it).
        var load = Load.LoadReport.Build(result, result.LoadTallies);
        return new TransactionsReport(shards.Sum(s => s.Submitted) + load.Submitted, committed, shards.Sum(s => s.Rejected) + load.Rejected, tps,
            new LatencyPercentiles(load.LatencyS.Finality.P50, load.LatencyS.Finality.P95, load.LatencyS.Finality.P99),
            shards.Sum(s => s.CrossShardLatencies.Count) + load.CrossShardCredited) { Load = load };
    }

    /// <summary>
    /// <c>balances</c>: Σ over shards of the final ledger balances plus the fees they burned plus what is in flight (receipts a canonical
    /// source block emitted that the destination's canonical chain has not credited) equals the genesis total; every
    /// proof is credited at most once, and only with what its source block emitted; and each ledger's own totals
    /// (outgoing − incoming) agree with what is in flight.
    /// </summary>
    public static IEnumerable<CheckResult> Checks(RunRecord result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Plan.Transfers is null && result.Plan.Load is null) yield break;
        var shards = result.Shards.Where(s => s.Transfers is not null).OrderBy(s => s.Shard).ToList();
        var genesis = shards.Aggregate(BigInteger.Zero, (sum, s) => sum + BigInteger.Parse(s.Transfers!.GenesisBalance, CultureInfo.InvariantCulture));
        var balance = shards.Aggregate(BigInteger.Zero, (sum, s) => sum + BigInteger.Parse(s.Transfers!.Balance, CultureInfo.InvariantCulture));
        // What a testnet's wallets staked left the beacon's ledger for the staking state: counted like burned fees here.
        var burned = shards.Aggregate(BigInteger.Zero, (sum, s) => sum + BigInteger.Parse(s.Transfers!.BurnedFees, CultureInfo.InvariantCulture)
            + BigInteger.Parse(s.Transfers.Staked ?? "0", CultureInfo.InvariantCulture));
        var ledgerInFlight = shards.Aggregate(BigInteger.Zero, (sum, s) => sum
            + BigInteger.Parse(s.Transfers!.OutgoingTotal, CultureInfo.InvariantCulture) - BigInteger.Parse(s.Transfers.IncomingTotal, CultureInfo.InvariantCulture));

        var emitted = new SortedDictionary<(int From, string Block, int To), BigInteger>();
        foreach (var s in shards)
            foreach (var e in s.Transfers!.Emitted) emitted[(s.Shard, e.BlockHash, e.ToShard)] = BigInteger.Parse(e.Amount, CultureInfo.InvariantCulture);
        var problems = new List<string>();
        var credited = new SortedSet<(int From, string Block, int To)>();
        foreach (var s in shards)
            foreach (var c in s.Transfers!.Credited)
            {
                var key = (c.SourceShard, c.BlockHash, s.Shard);
                if (!credited.Add(key)) problems.Add($"shard {s.Shard} credited the proof of shard {c.SourceShard} block {c.BlockHash} twice");
                else if (!emitted.TryGetValue(key, out var amount)) problems.Add($"shard {s.Shard} credited a proof of shard {c.SourceShard} block {c.BlockHash} that its canonical chain did not emit");
                else if (amount != BigInteger.Parse(c.Amount, CultureInfo.InvariantCulture)) problems.Add($"shard {s.Shard} credited {c.Amount} for shard {c.SourceShard} block {c.BlockHash}, which emitted {amount}");
            }
        var inFlight = emitted.Where(kv => !credited.Contains(kv.Key)).Aggregate(BigInteger.Zero, (sum, kv) => sum + kv.Value);
        var pending = emitted.Count(kv => !credited.Contains(kv.Key));
        if (balance + inFlight + burned != genesis) problems.Add($"Σ balances {One(balance)} + in flight {One(inFlight)} + fees burned {One(burned)} ≠ genesis {One(genesis)} ONE");
        if (ledgerInFlight != inFlight) problems.Add($"the ledgers' outgoing − incoming totals say {One(ledgerInFlight)} ONE in flight, the proofs {One(inFlight)}");
        yield return new CheckResult("balances", problems.Count == 0, problems.Count == 0
            ? $"Σ balances {One(balance)} + in flight {One(inFlight)} + fees burned {One(burned)} = genesis {One(genesis)} ONE; {credited.Count} proofs credited once each, {pending} in flight"
            : string.Join("; ", problems.Take(5)) + (problems.Count > 5 ? $"; {problems.Count - 5} more" : ""));
    }

    private static string One(BigInteger atto) => OneAmount.Format(atto);
}
