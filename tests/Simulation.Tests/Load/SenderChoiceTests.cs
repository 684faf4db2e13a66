using HarmonySim.Simulation.Load;

namespace HarmonySim.Simulation.Tests.Load;

[TestClass]
public sealed class SenderChoiceTests
{
    [TestMethod]
    public void Without_skew_every_account_sends_alike()
    {
        var choice = new SenderChoice(10, 0);
        var counts = new int[10];
        var random = new Random(3);
        for (var i = 0; i < 100_000; i++) counts[choice.Pick(random)]++;
        Assert.IsTrue(counts.All(c => c is > 9_500 and < 10_500), string.Join(", ", counts));
    }

    [TestMethod]
    public void With_skew_one_the_hottest_account_sends_as_Zipf_says()
    {
        // Weights 1/1, 1/2, … 1/100: the first account's share is 1 / H(100) ≈ 19.3 %.
        var choice = new SenderChoice(100, 1);
        var random = new Random(5);
        var first = Enumerable.Range(0, 100_000).Count(_ => choice.Pick(random) == 0);
        Assert.IsTrue(first is > 18_800 and < 19_800, $"{first}");
    }
}
