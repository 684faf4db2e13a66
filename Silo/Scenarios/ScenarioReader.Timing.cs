using YamlDotNet.RepresentationModel;

namespace HarmonySim.Silo.Scenarios;

/// <summary>Checks on the FBFT timers that combine fields: the slot's unit, and the view-change timeout against the slot.</summary>
internal sealed partial class ScenarioReader
{
    private readonly List<ScenarioWarning> warnings = [];

    public IReadOnlyList<ScenarioWarning> Warnings => warnings;

    private void Warn(YamlNode node, string path, string message) =>
        warnings.Add(new ScenarioWarning(file, Math.Max(1, (int)node.Start.Line), Math.Max(1, (int)node.Start.Column), path, message));

    /// <summary>
    /// View IDs count whole seconds since the head block (block times are whole seconds), so a slot of 1.5 s would
    /// silently act as 1 s: refuse it.
    /// </summary>
    private TimeSpan? WholeSeconds(Fields m, string key, TimeSpan? value)
    {
        if (value is not { } v || v.Ticks % TimeSpan.TicksPerSecond == 0) return value;
        return Fail<TimeSpan?>(m.Value(key)!, m.PathOf(key),
            $"must be a whole number of seconds (view IDs count whole seconds since the head block), got {((YamlScalarNode)m.Value(key)!).Value}");
    }

    /// <summary>Warns, at the view-change timeout (or the slot when only it is given), when the two do not work together.</summary>
    private void CheckViewChangeTiming(Fields m, TimeSpan timeout, TimeSpan slot)
    {
        if (ViewChangeTiming.Incoherence(timeout, slot) is not { } problem) return;
        var key = m.Has("view_change_timeout") ? "view_change_timeout" : "view_change_slot";
        Warn(m.Value(key) ?? m.Node, m.PathOf(key), problem);
    }
}
