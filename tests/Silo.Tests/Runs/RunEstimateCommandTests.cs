using HarmonySim.Silo.Commands;
using HarmonySim.Silo.Scenarios;

namespace HarmonySim.Silo.Tests.Runs;

/// <summary>
/// <c>validate</c> and <c>run</c> refuse, before anything runs, a scenario that cannot finish on this machine, naming
/// the field and the estimate; <c>--force</c> lets it through. An 11-year mainnet-2020 is refused on any machine by
/// its wall time alone (months, against a 7-day ceiling), whatever the memory and disk.
/// </summary>
[TestClass]
public sealed class RunEstimateCommandTests
{
    private static (int Exit, string Output, string Error) Invoke(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = HarmonySimCommand.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    private static string TempDir() => Path.Combine(Path.GetTempPath(), "harmonysim-estimate-" + Guid.NewGuid().ToString("N"));

    /// <summary>mainnet-2020 with duration.time at the loader's longest, 100,000 h (11.4 years).</summary>
    private static string ElevenYears(string dir)
    {
        Directory.CreateDirectory(dir);
        var text = File.ReadAllText(ScenarioFolder.Resolve("mainnet-2020"));
        Assert.Contains("duration:\n  time: 5m", text);
        var file = Path.Combine(dir, "eleven-years.yaml");
        File.WriteAllText(file, text.Replace("duration:\n  time: 5m", "duration:\n  time: 100000h", StringComparison.Ordinal));
        return file;
    }

    [TestMethod]
    public void Validate_refuses_an_eleven_year_run_with_exit_2_naming_duration_time_and_the_estimate()
    {
        var dir = TempDir();
        try
        {
            var file = ElevenYears(dir);
            var (exit, output, error) = Invoke("validate", file);
            Assert.AreEqual(HarmonySimCommand.BadInput, exit, error);
            StringAssert.Contains(output, "estimate: ");
            StringAssert.Contains(error, $"{file}: duration.time: the run would take an estimated ");
            StringAssert.Contains(error, "the limit is 7 days; --force runs it anyway");
            StringAssert.Contains(error, "the scenario is valid but its run does not fit this machine");
            Assert.DoesNotContain("   at ", error);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [TestMethod]
    public void Validate_with_force_passes_the_eleven_year_run_with_the_refusals_as_warnings()
    {
        var dir = TempDir();
        try
        {
            var (exit, output, error) = Invoke("validate", ElevenYears(dir), "--force");
            Assert.AreEqual(0, exit, error);
            StringAssert.Contains(output, "valid: 'mainnet-2020'");
            StringAssert.Contains(error, "warning: duration.time: the run would take an estimated ");
            StringAssert.Contains(error, "running anyway (--force)");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [TestMethod]
    public void Run_refuses_the_eleven_year_run_with_exit_2_before_anything_runs()
    {
        var dir = TempDir();
        try
        {
            var runs = Path.Combine(dir, "runs");
            var (exit, output, error) = Invoke("run", ElevenYears(dir), "--out", runs);
            Assert.AreEqual(HarmonySimCommand.BadInput, exit, error);
            StringAssert.Contains(error, "duration.time: the run would take an estimated ");
            StringAssert.Contains(error, "--force runs it anyway");
            StringAssert.Contains(error, "the run does not fit this machine; nothing ran.");
            Assert.AreEqual("", output, "no summary, no progress: nothing started");
            Assert.IsEmpty(Directory.GetFileSystemEntries(runs), "no run folder");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [TestMethod]
    [DataRow("run")]
    [DataRow("validate")]
    public void Help_documents_force(string command)
    {
        var (exit, output, _) = Invoke(command, "--help");
        Assert.AreEqual(0, exit);
        StringAssert.Contains(output, "--force");
        StringAssert.Contains(output, "7 days");
    }
}
