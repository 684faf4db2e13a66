using HarmonySim.Simulation.Tests.Builders;

namespace HarmonySim.Simulation.Tests.Propagation;

/// <summary>Under the direct model a lost copy costs its sender the bytes but never counts as received.</summary>
[TestClass]
public sealed class DirectBytesTests
{
    [TestMethod]
    [DataRow(0.0)]
    [DataRow(0.2)]
    public void Lost_copies_are_sent_bytes_but_not_received_ones(double loss)
    {
        var run = ShardRun.ToEnd(new PlanBuilder().WithLatency(5, 40, loss: loss).WithDuration(30).Build());
        var p = run.Result.Propagation!;
        if (loss == 0) Assert.AreEqual(p.BytesSentPerNodePerSecondMean, p.BytesReceivedPerNodePerSecondMean, 1e-6, "nothing lost, every byte sent arrives");
        else
        {
            var share = p.BytesReceivedPerNodePerSecondMean / p.BytesSentPerNodePerSecondMean;
            Assert.IsTrue(share is > 0.7 and < 0.9, $"about 80 % of the bytes arrive at 20 % loss, got {share:P1}");
        }
    }
}
