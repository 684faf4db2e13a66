using HarmonySim.Protocol.Tests.Harness;

namespace HarmonySim.Protocol.Tests.Consensus;

[TestClass]
public sealed class DebugTests
{
    [TestMethod]
    public void Debug()
    {
        var net = new TestNetwork(new NetworkSpec
        {
            Nodes = [.. Enumerable.Repeat(new NodeSpec(), 5)],
            Seed = 36,
            Loss = 1.0 / 48,
            LossEndsAt = TimeSpan.FromSeconds(90),
            Jitter = TimeSpan.FromMilliseconds(488),
            Crashes = [new CrashSpec(0, TimeSpan.FromSeconds(4))],
        });
        var lines = new List<string>();
        net.Log = lines.Add;
        net.Run(TimeSpan.FromSeconds(400));
        File.WriteAllLines("/tmp/debug.log", lines);
    }
}
