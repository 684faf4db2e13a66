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
            Nodes = [.. Enumerable.Repeat(new NodeSpec(), 4)],
            Crashes = [new CrashSpec(Node: 0, At: TimeSpan.FromSeconds(10))],
        });
        var lines = new List<string>();
        net.Log = lines.Add;
        net.Run(TimeSpan.FromSeconds(200));
        File.WriteAllLines("/tmp/debug.log", lines);
    }
}
