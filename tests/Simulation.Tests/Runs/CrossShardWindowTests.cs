using HarmonySim.Simulation.Network;
using HarmonySim.Simulation.Runs;
using HarmonySim.Simulation.Tests.Builders;

namespace HarmonySim.Simulation.Tests.Runs;

/// <summary>Messages between shards always land in a later window than the one that sent them, so no shard is handed its past.</summary>
[TestClass]
public sealed class CrossShardWindowTests
{
    [TestMethod]
    [DataRow(5.0, 40.0, 105, DisplayName = "the smallest link latency plus the 100 ms hop")]
    [DataRow(12.3, 50.0, 113, DisplayName = "latency rounded up to whole milliseconds")]
    [DataRow(12.3, 7.0, 107, DisplayName = "the smallest latency may be across regions")]
    [DataRow(0.2, 40.0, 101, DisplayName = "at least one millisecond")]
    public void The_lookahead_is_the_smallest_latency_plus_the_hop_and_every_message_takes_exactly_that(double sameMs, double crossMs, int lookaheadMs)
    {
        var plan = new PlanBuilder().WithLatency(sameMs, crossMs).WithShards(2).WithNodes(4).WithStaking(blocksPerEpoch: 6).Build();
        Assert.AreEqual(TimeSpan.FromMilliseconds(lookaheadMs), ShardNetwork.Lookahead(plan));
        using var network = new ShardNetwork(new RunContext(plan), 0);
        network.Start();
        network.AdvanceTo(TimeSpan.FromSeconds(3.3));
        Assert.AreEqual(network.Now + ShardNetwork.Lookahead(plan), network.CrossShardArrival);
    }

    [TestMethod]
    public void Without_staking_or_transfers_shards_never_exchange_messages_and_may_run_apart_without_bound()
    {
        var plan = new PlanBuilder().WithShards(2).Build();
        Assert.AreEqual(TimeSpan.MaxValue, ShardNetwork.Lookahead(plan));
        Assert.AreEqual(TimeSpan.FromSeconds(40), RunDriver.WindowEnd(TimeSpan.Zero, TimeSpan.Zero, TimeSpan.FromSeconds(40), ShardNetwork.Lookahead(plan)));
        using var run = new LocalRun(plan);
        var progress = run.AdvanceTo(plan.Duration);
        Assert.IsTrue(progress.All(p => p.Outbox.Count == 0));
        Assert.IsTrue(run.Result().Shards.All(s => run.Recorded(s.Shard).Commits.Count > 10 && s.Blocks > 10));
    }

    [TestMethod]
    public void In_a_two_shard_staking_run_every_message_arrives_after_the_window_that_sent_it_and_before_its_receiver_got_there()
    {
        var plan = new PlanBuilder().WithShards(2).WithNodes(4).WithStaking(blocksPerEpoch: 6)
            .WithTransfers((3, "alice", "bob", 10), (5, "bob", "alice", 5), (9, "alice", "bob", 1), (13, "bob", "alice", 2), (17, "alice", "bob", 3))
            .WithLatency(5, 40, jitterMs: 20).WithDuration(30).Build();
        var context = new RunContext(plan);
        var networks = Enumerable.Range(0, plan.Shards).Select(s => new ShardNetwork(context, s)).ToList();
        try
        {
            foreach (var n in networks) n.Start();
            var shards = networks.Select(n => new RecordingShard(new LocalShard(n))).ToList();
            var driver = new RunDriver(shards, ShardNetwork.Lookahead(plan), plan.Duration);
            for (var t = TimeSpan.FromSeconds(4); t <= plan.Duration; t += TimeSpan.FromSeconds(4)) driver.AdvanceTo(t).GetAwaiter().GetResult();
            driver.AdvanceTo(plan.Duration).GetAwaiter().GetResult();

            var sent = shards.SelectMany(s => s.Windows.SelectMany(w => w.Sent.Select(m => (w.WindowEnd, m)))).ToList();
            foreach (var (from, kind) in new[] { (0, typeof(ShardStateSent)), (0, typeof(ReceiptsSent)), (1, typeof(CrosslinkSent)), (1, typeof(ReceiptsSent)) })
                Assert.IsTrue(sent.Any(x => x.m.FromShard == from && x.m.Payload.GetType() == kind), $"shard {from} sent no {kind.Name}");
            foreach (var (windowEnd, m) in sent)
            {
                Assert.IsGreaterThan(windowEnd, m.At, $"message {m.Seq} from shard {m.FromShard} arrives at {m.At} inside its window ending {windowEnd}");
                Assert.IsLessThanOrEqualTo(windowEnd + ShardNetwork.Lookahead(plan), m.At, $"message {m.Seq} arrives later than a lookahead after its window");
            }
            var received = shards.SelectMany(s => s.Received).ToList();
            Assert.AreEqual(sent.Count(x => x.m.At <= plan.Duration), received.Count(r => r.Message.At <= plan.Duration), "every message sent is handed over");
            foreach (var (shardNow, m) in received) Assert.IsLessThan(m.At, shardNow, $"shard {m.ToShard} was at {shardNow}, past message {m.Seq}'s arrival {m.At}");
            Assert.IsTrue(networks.All(n => n.Result().SafetyViolations.Count == 0 && n.Observer.Height > 10));
        }
        finally
        {
            foreach (var n in networks) n.Dispose();
        }
    }
}
