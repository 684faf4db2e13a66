using HarmonySim.Simulation.Observer;

namespace HarmonySim.Simulation.Tests.Observer;

/// <summary>The clock behind view changes started and time view-changing: one start per (height, view), one open interval at a time.</summary>
[TestClass]
public sealed class ViewChangeClockTests
{
    private static TimeSpan S(double seconds) => TimeSpan.FromSeconds(seconds);

    [TestMethod]
    public void Retries_and_stragglers_of_a_view_are_one_start_and_do_not_reopen_the_clock()
    {
        var clock = new ViewChangeClock();
        clock.Start(S(10), height: 5, view: 2);
        clock.Start(S(10.1), height: 5, view: 2);
        clock.Stop(S(12));
        clock.Start(S(12.5), height: 5, view: 2);

        Assert.AreEqual(1, clock.Started);
        Assert.AreEqual(S(2), clock.Spent(S(100)), "the straggler after the new view added no time");
    }

    [TestMethod]
    public void A_later_view_while_view_changing_adds_a_start_but_no_second_interval()
    {
        var clock = new ViewChangeClock();
        clock.Start(S(10), 5, 2);
        clock.Start(S(18), 5, 3);
        clock.Stop(S(20));
        clock.Start(S(30), 6, 4);

        Assert.AreEqual(3, clock.Started);
        Assert.AreEqual(S(10), clock.Spent(S(30)), "the open view change from 30 s has no length yet");
        Assert.AreEqual(S(15), clock.Spent(S(35)), "an unfinished view change counts up to now");
    }

    [TestMethod]
    public void Stopping_when_not_view_changing_changes_nothing()
    {
        var clock = new ViewChangeClock();
        clock.Stop(S(3));
        Assert.AreEqual(0, clock.Started);
        Assert.AreEqual(TimeSpan.Zero, clock.Spent(S(10)));
    }
}
