using CsCheck;
using HarmonySim.Protocol.Consensus;
using HarmonySim.Protocol.Tests.Harness;

namespace HarmonySim.Protocol.Tests.Consensus;

/// <summary>Safety, liveness and determinism over random schedules (reference §1; docs/DESIGN-NOTES.md).</summary>
[TestClass]
public sealed class FbftPropertyTests
{
    private static readonly TimeSpan Horizon = TimeSpan.FromSeconds(240);

    /// <summary>Set HARMONYSIM_PROPERTY_SCALE=k to run k times as many schedules (for soak runs off CI).</summary>
    private static int Iter(int n) => n * (int.TryParse(Environment.GetEnvironmentVariable("HARMONYSIM_PROPERTY_SCALE"), out var k) && k > 0 ? k : 1);

    [TestMethod]
    public void Safety_holds_on_500_random_schedules_while_byzantine_power_is_below_one_third()
    {
        long runs = 0, blocks = 0, viewChanges = 0;
        Schedules.Adversarial(belowOneThird: true).Sample(schedule =>
        {
            var net = new TestNetwork(schedule.ToSpec()).Run(Horizon);
            if (net.SafetyViolations.Count > 0) throw new InvalidOperationException(string.Join("; ", net.SafetyViolations));
            CheckCommitSignatures(net);
            Interlocked.Increment(ref runs);
            Interlocked.Add(ref blocks, (long)net.MaxHonestHeight);
            Interlocked.Add(ref viewChanges, net.NewViewsEntered);
        }, iter: Iter(500), print: s => s.ToString());

        // The schedules must exercise the protocol, not stall it: blocks commit and view changes happen.
        Console.WriteLine($"{runs} schedules, {blocks / runs} blocks and {viewChanges / runs} new views per run on average");
        Assert.IsGreaterThan(30, blocks / runs);
        Assert.IsGreaterThan(1, viewChanges / runs);
    }

    [TestMethod]
    public void The_safety_checker_finds_violations_when_byzantine_power_reaches_one_third()
    {
        // Deterministic schedules (not sampled), so this check cannot pass or fail by luck.
        var violated = 0;
        var schedules = 0;
        for (var seed = 1; seed <= 60; seed++)
        {
            var random = new Random(seed);
            var n = random.Next(4, 11);
            var byzantine = (n + 2) / 3;
            if (3 * byzantine == n) continue; // exactly 1/3 cannot break strict quorums: both sides would need more than 2/3
            schedules++;
            var net = new TestNetwork(new NetworkSpec
            {
                Nodes = [.. Enumerable.Range(0, n).Select(i => new NodeSpec(Behaviour: i < byzantine ? Byzantine.SplitBrain : Byzantine.None))],
                Seed = seed,
                SideOf = [.. Enumerable.Range(0, n).Select(i => i < byzantine ? 0 : (i - byzantine) % 2)],
                Jitter = TimeSpan.FromMilliseconds(random.Next(0, 500)),
            }).Run(TimeSpan.FromSeconds(60));
            if (net.SafetyViolations.Count > 0) violated++;
        }
        Console.WriteLine($"{violated} of {schedules} schedules with byzantine power above 1/3 broke safety");
        Assert.IsGreaterThan(schedules / 2, violated);
    }

    [TestMethod]
    public void Liveness_with_up_to_f_crashed_nodes_including_the_leader_and_eventual_delivery()
    {
        var gen = from n in Gen.Int[4, 13]
                  from seed in Gen.Int
                  from crashTimes in Gen.Int[1, 60].Array[(n - 1) / 3]
                  from crashLeader in Gen.Bool
                  from loss in Gen.Double[0, 0.2]
                  from jitter in Gen.Int[0, 1000]
                  select (n, seed, crashTimes, crashLeader, loss, jitter);
        gen.Sample(x =>
        {
            // Node 0 holds slot 0, the first leader; crash it or the last nodes, at most f = ⌊(n−1)/3⌋ in all.
            var crashed = x.crashTimes.Select((t, k) => new CrashSpec(x.crashLeader && k == 0 ? 0 : x.n - 1 - k, TimeSpan.FromSeconds(t))).ToArray();
            var net = new TestNetwork(new NetworkSpec
            {
                Nodes = [.. Enumerable.Repeat(new NodeSpec(), x.n)],
                Seed = x.seed,
                Loss = x.loss,
                LossEndsAt = TimeSpan.FromSeconds(90),
                Jitter = TimeSpan.FromMilliseconds(x.jitter),
                Crashes = crashed,
            }).Run(TimeSpan.FromSeconds(150));
            var before = net.MinHonestHeight;
            net.Run(TimeSpan.FromSeconds(600));
            if (net.MinHonestHeight < before + 20)
                throw new InvalidOperationException($"only {net.MinHonestHeight - before} blocks in the last 450 s (height {net.MinHonestHeight})");
        }, iter: Iter(60));
    }

    [TestMethod]
    public void Same_schedule_gives_the_same_chain_and_trace()
    {
        Schedules.Adversarial(belowOneThird: true).Sample(schedule =>
        {
            var a = new TestNetwork(schedule.ToSpec()).Run(TimeSpan.FromSeconds(120));
            var b = new TestNetwork(schedule.ToSpec()).Run(TimeSpan.FromSeconds(120));
            if (a.TraceHash != b.TraceHash) throw new InvalidOperationException("trace differs");
            for (var i = 0; i < a.Chains.Count; i++)
                if (!a.Chains[i].Select(c => c.Hash).SequenceEqual(b.Chains[i].Select(c => c.Hash))) throw new InvalidOperationException($"chain {i} differs");
        }, iter: Iter(40), print: s => s.ToString());
    }

    /// <summary>Every block an honest node committed carries a commit aggregate that verifies with quorum.</summary>
    private static void CheckCommitSignatures(TestNetwork net)
    {
        for (var i = 0; i < net.Chains.Count; i++)
        {
            if (!net.IsHonest(i)) continue;
            foreach (var c in net.Chains[i].Skip(1))
            {
                if (!net.Committee.IsQuorum(c.CommitBitmap!)) throw new InvalidOperationException($"node {i} block {c.Number}: commit bitmap not a quorum");
                if (!net.Scheme.VerifyAggregate(net.Committee.KeySet, c.CommitBitmap!, Protocol.Consensus.Messages.SigningPayloads.Commit(c.Header), c.CommitSignature!))
                    throw new InvalidOperationException($"node {i} block {c.Number}: commit signature does not verify");
            }
        }
    }
}
