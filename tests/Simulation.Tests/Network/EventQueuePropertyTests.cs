using CsCheck;
using HarmonySim.Simulation.Network;

namespace HarmonySim.Simulation.Tests.Network;

/// <summary>
/// The bucketed queue against the textbook one: a priority queue on (time, insertion sequence). Whatever is queued
/// before, during (for the open instant or later) and after an instant is taken, the events come out in the same order.
/// </summary>
[TestClass]
public sealed class EventQueuePropertyTests
{
    /// <summary>What the network does while reading one event of an open instant: queue some events this many ticks later (0 = the open instant).</summary>
    private static readonly Gen<int[]> Reaction = Gen.Int[0, 3].SelectMany(n => Gen.OneOf(Gen.Const(0), Gen.Int[1, 4]).Array[n]);

    private static readonly Gen<(int[] Initial, int[][] Reactions, int[][] AfterClose)> Scripts =
        from initial in Gen.Int[0, 12].Array[1, 25]
        from reactions in Reaction.Array[0, 80]
        from afterClose in Gen.Int[0, 3].Array[0, 2].Array[0, 30]
        select (initial, reactions, afterClose);

    [TestMethod]
    public void The_bucketed_queue_yields_the_order_of_a_priority_queue_on_time_and_sequence() =>
        Scripts.Sample(script =>
        {
            var queue = new EventQueue();
            var reference = new PriorityQueue<int, (long Time, int Seq)>();
            var seq = 0;
            void Enqueue(long ticks)
            {
                var id = seq++;
                queue.Enqueue(TimeSpan.FromTicks(ticks), new Pending(id, 0, new Marker(id)));
                reference.Enqueue(id, (ticks, id));
            }

            foreach (var t in script.Initial) Enqueue(t);
            var reaction = 0;
            var pass = 0;
            while (queue.Count > 0)
            {
                reference.TryPeek(out _, out var next);
                if (queue.NextTime.Ticks != next.Time) throw new InvalidOperationException($"NextTime {queue.NextTime.Ticks}, reference {next.Time}");
                var due = queue.Open(out var at);
                for (var i = 0; i < due.Count; i++)
                {
                    reference.TryDequeue(out var expected, out var key);
                    if (due[i].Node != expected || key.Time != at.Ticks)
                        throw new InvalidOperationException($"got event {due[i].Node} at {at.Ticks}, expected {expected} at {key.Time}");
                    if (reaction < script.Reactions.Length)
                        foreach (var delay in script.Reactions[reaction++]) Enqueue(at.Ticks + delay);
                }
                if (reference.TryPeek(out var left, out var leftKey) && leftKey.Time == at.Ticks)
                    throw new InvalidOperationException($"event {left}, queued for the open instant {at.Ticks}, did not join it");
                queue.Close();
                if (pass < script.AfterClose.Length)
                    foreach (var delay in script.AfterClose[pass++]) Enqueue(at.Ticks + delay);
                if (queue.Count != reference.Count) throw new InvalidOperationException($"Count {queue.Count}, reference {reference.Count}");
            }
            if (reference.Count != 0) throw new InvalidOperationException($"{reference.Count} events never came out");
            if (queue.NextTime != TimeSpan.MaxValue) throw new InvalidOperationException("an empty queue has a next time");
        });

    [TestMethod]
    public void An_event_for_the_open_instant_joins_it_and_one_queued_after_close_is_a_later_pass()
    {
        var queue = new EventQueue();
        var t = TimeSpan.FromSeconds(1);
        queue.Enqueue(t, Event(1));
        var open = queue.Open(out var at);
        queue.Enqueue(t, Event(2));
        CollectionAssert.AreEqual(new[] { 1, 2 }, open.Select(p => p.Node).ToArray());
        queue.Close();
        Assert.AreEqual(0, queue.Count);
        queue.Enqueue(t, Event(3));
        Assert.AreEqual(t, queue.NextTime);
        var later = queue.Open(out var again);
        Assert.AreEqual(at, again);
        CollectionAssert.AreEqual(new[] { 3 }, later.Select(p => p.Node).ToArray());
    }

    [TestMethod]
    public void Opening_while_an_instant_is_open_is_refused()
    {
        var queue = new EventQueue();
        queue.Enqueue(TimeSpan.Zero, Event(1));
        queue.Enqueue(TimeSpan.FromTicks(1), Event(2));
        queue.Open(out _);
        Assert.ThrowsExactly<InvalidOperationException>(() => queue.Open(out _));
    }

    private static Pending Event(int id) => new(id, 0, new Marker(id));

    private sealed record Marker(int Id) : ShardEvent;
}
