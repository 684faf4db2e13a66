using HarmonySim.Silo.Scenarios;

namespace HarmonySim.Silo.Commands;

/// <summary>
/// A command's scenario argument (a path or a bundled scenario's name), loaded: the errors, one per line naming file,
/// line and field, and a closing count go to the error writer, and the caller returns bad input.
/// </summary>
internal static class ScenarioArgument
{
    public static ScenarioLoadResult Load(string argument, TextWriter error, out string path)
    {
        ArgumentNullException.ThrowIfNull(error);
        path = ScenarioFolder.Resolve(argument);
        var result = ScenarioLoader.LoadFile(path);
        if (result.Scenario is null)
        {
            foreach (var e in result.Errors) error.WriteLine(e.ToString());
            error.WriteLine($"{path}: {result.Errors.Length} error{(result.Errors.Length == 1 ? "" : "s")}; the scenario is not valid.");
        }
        return result;
    }

    /// <summary>The run plan of a valid scenario, or null after naming on <paramref name="error"/> why it cannot run.</summary>
    public static Simulation.Plans.RunPlan? Plan(Scenarios.Model.Scenario scenario, string runId, string path, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(error);
        try
        {
            return Runs.RunPlanBuilder.Build(scenario, runId);
        }
        catch (Runs.ScenarioNotRunnableException e)
        {
            foreach (var reason in e.Reasons) error.WriteLine($"{path}: {reason}");
            return null;
        }
    }
}
