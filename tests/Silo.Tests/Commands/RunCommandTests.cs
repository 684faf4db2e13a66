using HarmonySim.Silo.Commands;

namespace HarmonySim.Silo.Tests.Commands;

[TestClass]
public sealed class RunCommandTests
{
    private static (int Exit, string Output, string Error) Invoke(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = HarmonySimCommand.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    [TestMethod]
    public void Run_says_plainly_that_the_runtime_is_not_built_yet()
    {
        var (exit, output, _) = Invoke("run", "scenarios/quickstart.yaml");
        Assert.AreEqual(0, exit);
        StringAssert.Contains(output, "not built yet");
        StringAssert.Contains(output, "quickstart.yaml");
    }

    [TestMethod]
    public void Run_without_a_scenario_is_a_usage_error()
    {
        var (exit, _, error) = Invoke("run");
        Assert.AreEqual(HarmonySimCommand.BadInput, exit);
        StringAssert.Contains(error, "'run'");
    }

    [TestMethod]
    public void An_unknown_command_is_refused()
    {
        var (exit, _, error) = Invoke("frobnicate");
        Assert.AreEqual(HarmonySimCommand.BadInput, exit);
        Assert.IsFalse(string.IsNullOrWhiteSpace(error));
    }
}
