using System.Text.Json;
using HarmonySim.Silo.Commands;

namespace HarmonySim.Silo.Tests.Commands;

/// <summary>SIGTERM and SIGINT stop a real harmonysim process, which still writes its run folder, marked interrupted.</summary>
[TestClass]
public sealed class StopRunTests
{
    [TestMethod]
    public async Task Sigterm_stops_a_long_run_writes_an_interrupted_folder_and_exits_143() =>
        await StopsWith("TERM", ExitCodes.Terminated, "SIGTERM");

    [TestMethod]
    public async Task Sigint_stops_a_long_run_writes_an_interrupted_folder_and_exits_130()
    {
        if (HarmonySimProcess.SigIntIgnoredHere()) Assert.Inconclusive("this test process ignores SIGINT (started as a background job), so its children cannot receive it");
        await StopsWith("INT", ExitCodes.Interrupted, "SIGINT");
    }

    private async Task StopsWith(string signal, int expectedExit, string signalName)
    {
        var dir = Path.Combine(Path.GetTempPath(), "harmonysim-stop-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            // An hour of quickstart held to 100x real time: it cannot finish before the signal arrives.
            var quickstart = File.ReadAllText(HarmonySim.Silo.Scenarios.ScenarioFolder.Resolve("quickstart"));
            var scenario = Path.Combine(dir, "long.yaml");
            File.WriteAllText(scenario, quickstart.Replace("duration:\n  time: 60s", "duration:\n  time: 1h", StringComparison.Ordinal));
            var runs = Path.Combine(dir, "runs");
            using var child = HarmonySimProcess.Start("run", scenario, "--speed", "100x", "--out", runs);
            Assert.IsTrue(await child.WaitForProgress(), $"no progress line.\n{child.Output}\n{child.Error}");
            child.Signal(signal);
            var exit = await child.WaitForExit();

            Assert.AreEqual(expectedExit, exit, $"{child.Output}\n{child.Error}");
            StringAssert.Contains(child.Output, $"INTERRUPTED by {signalName}");
            var folder = Directory.GetDirectories(runs).Single();
            foreach (var file in new[] { "report.json", "report.md", "events.jsonl", "long.yaml", "height.png" })
                Assert.IsTrue(File.Exists(Path.Combine(folder, file)), file);
            using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "report.json")));
            Assert.IsTrue(report.RootElement.GetProperty("interrupted").GetBoolean());
            Assert.IsFalse(report.RootElement.GetProperty("passed").GetBoolean());
            Assert.IsTrue(report.RootElement.GetProperty("simulated_seconds").GetDouble() < 3600, "stopped before the end");
            Assert.IsNotEmpty(File.ReadAllLines(Path.Combine(folder, "events.jsonl")));
            StringAssert.Contains(File.ReadAllText(Path.Combine(folder, "report.md")), "INTERRUPTED");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
