using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Chain.Transactions;
using HarmonySim.Simulation.Plans;
using HarmonySim.Simulation.Results;
using HarmonySim.Simulation.Runs;
using HarmonySim.Simulation.Tests.Builders;

namespace HarmonySim.Simulation.Tests.Load;

/// <summary>
/// Open-loop load through whole runs: the offered rate never slows when a shard halts, blocks fill up to the gas
/// limit and no further, every offered transaction is accounted for exactly once, each sender's nonces are included
/// in order and never twice, and cross-shard load is credited on its destination.
/// </summary>
[TestClass]
public sealed class LoadRunTests
{
    private static LoadPlan Load(double rate, int[] shards, ulong gasLimit = LoadPlan.MainnetBlockGasLimit, int capacity = 9_216,
        decimal crossShard = 0, int accounts = 50) =>
        new([new LoadSourcePlan("load", RateCurve.Constant(rate), new LoadMixPlan(crossShard, 0), new LoadAccountsPlan(accounts, 1_000m, 0),
            shards, ArrivalProcess.Uniform)])
        {
            BlockGasLimit = gasLimit,
            Signing = TransactionSigning.Simulated,
            Mempool = new MempoolPlan { Capacity = capacity },
        };

    private static (LocalRun Run, RunResult Result) Run(RunPlan plan)
    {
        var run = new LocalRun(plan);
        return (run, run.RunToEnd());
    }

    private static TransactionRecords Records(LocalRun run, int shard) => run.Recorded(shard).Transactions!;

    [TestMethod]
    public void The_offered_rate_holds_on_a_shard_that_halts()
    {
        // Shard 1 loses two of its four nodes at 10 s: no quorum, no more blocks. Its 50 tx/s keep arriving all the same.
        var plan = new PlanBuilder().WithShards(2).WithDuration(60).WithLoad(Load(100, [0, 1]))
            .WithFault(10, FaultKind.Crash, 6, 7).Build();
        var (run, _) = Run(plan);
        using var _ = run;
        foreach (var shard in new[] { 0, 1 })
        {
            var seconds = Records(run, shard).Seconds;
            Assert.AreEqual(3_000, seconds.Sum(s => s.Offered), $"shard {shard}: 50 tx/s for 60 s");
            Assert.AreEqual(0, seconds.Sum(s => s.Late), "in virtual time nothing is late");
            Assert.IsTrue(seconds.Where(s => s.Second is > 0 and < 59).All(s => s.Offered == 50), $"shard {shard}: every second offers 50");
        }
        var halted = Records(run, 1).Blocks;
        Assert.IsTrue(halted.All(b => b.CommittedAt < TimeSpan.FromSeconds(15)), "shard 1 stopped committing");
        Assert.IsGreaterThan(2_000, Records(run, 1).Seconds.Sum(s => s.Submitted) - halted.Sum(b => b.LoadTransactions), "its pool kept taking load");
    }

    [TestMethod]
    public void Blocks_fill_up_to_the_gas_limit_and_no_further()
    {
        // Room for 10 transfers a block against 20 offered a second (40 per 2 s block): every block after the first is full.
        var plan = new PlanBuilder().WithDuration(60).WithLoad(Load(20, [0], gasLimit: 10 * Transfer.IntrinsicGas, capacity: 300)).Build();
        var (run, _) = Run(plan);
        using var _ = run;
        var blocks = Records(run, 0).Blocks;
        Assert.IsGreaterThan(20, blocks.Count);
        Assert.IsTrue(blocks.All(b => b.GasUsed <= b.GasLimit && b.Transactions <= 10), "no block over its gas limit");
        Assert.IsTrue(blocks.Skip(2).All(b => b.Transactions == 10 && b.GasUsed == 10 * Transfer.IntrinsicGas), "overloaded blocks are full");
        var rejected = Records(run, 0).Seconds.SelectMany(s => s.Rejected).Where(kv => kv.Key == "pool_full").Sum(kv => kv.Value);
        Assert.IsGreaterThan(0, rejected, "a full pool refuses");
    }

    [TestMethod]
    public void Every_offered_transaction_is_rejected_evicted_finalised_or_pending_exactly_once()
    {
        var plan = new PlanBuilder().WithShards(2).WithDuration(40).WithLoad(Load(60, [0, 1], gasLimit: 30 * Transfer.IntrinsicGas, capacity: 40, crossShard: 0.3m)).Build();
        var (run, result) = Run(plan);
        using var _ = run;
        for (var shard = 0; shard < 2; shard++)
        {
            var r = Records(run, shard);
            var offered = r.Seconds.Sum(s => s.Offered);
            var rejected = r.Seconds.Sum(s => s.Rejected.Values.Sum());
            var evicted = r.Seconds.Sum(s => s.Evicted);
            var finalised = r.Blocks.Sum(b => b.LoadTransactions);
            Assert.AreEqual(offered, rejected + evicted + finalised + result.Shards[shard].LoadPending,
                $"shard {shard}: {offered} offered, {rejected} rejected, {evicted} evicted, {finalised} finalised, {result.Shards[shard].LoadPending} pending");
            Assert.IsGreaterThan(0, rejected);
        }
    }

    [TestMethod]
    public void Each_senders_nonces_are_included_in_order_and_no_transaction_twice()
    {
        var plan = new PlanBuilder().WithDuration(60).WithLoad(Load(40, [0], gasLimit: 50 * Transfer.IntrinsicGas, capacity: 100, accounts: 5)).Build();
        using var run = new LocalRun(plan);
        var observer = run.Networks[0].Observer;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var next = new Dictionary<Address, ulong>();
        var included = 0;
        var height = 0UL;
        // Step a block at a time, reading each canonical block before the shard forgets it.
        for (var t = 1; t <= 60; t++)
        {
            run.AdvanceTo(TimeSpan.FromSeconds(t));
            for (; height < observer.Height; height++)
                foreach (var bytes in observer.Canonical(height + 1)!.Block.Transactions)
                {
                    var tx = SignedTransfer.Decode(bytes).Value!;
                    Assert.IsTrue(seen.Add(tx.Hash.ToString()), $"{tx.Hash} included twice");
                    Assert.AreEqual(next.GetValueOrDefault(tx.Message.From), tx.Message.Nonce, $"{tx.Message.From}'s nonces in order");
                    next[tx.Message.From] = tx.Message.Nonce + 1;
                    included++;
                }
        }
        Assert.AreEqual(Records(run, 0).Blocks.Sum(b => b.LoadTransactions), included);
        Assert.IsGreaterThan(500, included);
    }

    [TestMethod]
    public void Cross_shard_load_is_credited_on_its_destination_with_its_latency()
    {
        var plan = new PlanBuilder().WithShards(2).WithDuration(40).WithLoad(Load(40, [0, 1], crossShard: 1)).Build();
        var (run, _) = Run(plan);
        using var _ = run;
        var sent = Enumerable.Range(0, 2).Sum(s => Records(run, s).Blocks.Sum(b => b.CrossShard));
        var credited = Enumerable.Range(0, 2).SelectMany(s => Records(run, s).Credits).ToList();
        Assert.IsGreaterThan(500, sent);
        // Receipts of the last block or two may still be in flight at the end.
        Assert.IsTrue(credited.Sum(c => c.CreditMicros.Length) is var n && n <= sent && n >= sent - 2 * 40, $"{n} of {sent} credited");
        Assert.IsTrue(credited.SelectMany(c => c.CreditMicros).All(m => m > 0));
    }

    [TestMethod]
    public void The_same_load_gives_the_same_records()
    {
        RunPlan Plan() => new PlanBuilder().WithShards(2).WithDuration(30).WithLoad(Load(50, [0, 1], crossShard: 0.2m) with
        {
            Sources = [Load(50, [0, 1], crossShard: 0.2m).Sources[0] with { Arrivals = ArrivalProcess.Poisson, Accounts = new LoadAccountsPlan(20, 1_000m, 1.2) }],
        }).Build();
        string Fingerprint()
        {
            using var run = new LocalRun(Plan());
            run.RunToEnd();
            return string.Join("|", Enumerable.Range(0, 2).SelectMany(s => run.Recorded(s).Commits.Select(c => c.Hash)));
        }
        Assert.AreEqual(Fingerprint(), Fingerprint());
    }
}
