using HarmonySim.Protocol.Consensus;
using HarmonySim.Simulation.Runs;
using HarmonySim.Simulation.Tests.Builders;
using HarmonySim.Simulation.Validators;

namespace HarmonySim.Simulation.Tests.Validators;

/// <summary>
/// The mirror against a real state machine: fed the node's own SetTimer and CancelTimer effects, it calls a firing
/// live exactly when <see cref="FbftNode.Tick"/> acts on it (the node emits something) and stale when the node ignores it.
/// </summary>
[TestClass]
public sealed class TimerMirrorAgainstNodeTests
{
    [TestMethod]
    public void The_mirror_calls_stale_exactly_the_firings_the_node_ignores()
    {
        var context = new RunContext(new PlanBuilder().Build());
        var node = new FbftNode(context.Config, context.KeysOf(1), context.Committees, context.Genesis[0]);
        var mirror = new TimerMirror();
        var live = new Dictionary<TimerKind, long>();
        void Observe()
        {
            foreach (var effect in node.PendingEffects)
            {
                if (effect is SetTimer s)
                {
                    mirror.Set(1, 0, s.Kind, s.Token);
                    live[s.Kind] = s.Token;
                }
                if (effect is CancelTimer c) mirror.Cancel(1, 0, c.Kind);
            }
            node.ClearEffects();
        }
        void Fire(TimerKind kind, long token, TimeSpan now, bool expectLive)
        {
            var mirrored = mirror.Fire(1, 0, kind, token);
            node.Tick(kind, token, now);
            var acted = node.PendingEffects.Count > 0;
            Observe();
            Assert.AreEqual(expectLive, mirrored, $"mirror on {kind} token {token}");
            Assert.AreEqual(mirrored, acted, $"node on {kind} token {token}");
        }

        node.Start(TimeSpan.Zero);
        Observe();
        var consensus = live[TimerKind.Consensus];
        var at = context.Config.BootstrapTimeout;
        Fire(TimerKind.Consensus, consensus + 1, at, expectLive: false);
        Fire(TimerKind.Consensus, consensus - 1, at, expectLive: false);
        Fire(TimerKind.ViewChange, consensus, at, expectLive: false);
        Fire(TimerKind.Consensus, consensus, at, expectLive: true);
        Fire(TimerKind.Consensus, consensus, at, expectLive: false);
        var viewChange = live[TimerKind.ViewChange];
        at += context.Config.ViewChangeTimeout;
        Fire(TimerKind.ViewChange, viewChange - 1, at, expectLive: false);
        Fire(TimerKind.ViewChange, viewChange, at, expectLive: true);
        Assert.IsGreaterThan(viewChange, live[TimerKind.ViewChange], "a failed view change sets a new view-change timer");
        Fire(TimerKind.ViewChange, viewChange, at, expectLive: false);
    }
}
