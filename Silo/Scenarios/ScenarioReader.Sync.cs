using HarmonySim.Simulation.Plans;

namespace HarmonySim.Silo.Scenarios;

internal sealed partial class ScenarioReader
{
    // ---------------------------------------------------------------- network.sync (issue 14, fast state sync)

    private static readonly string[] SyncParameters = ["peers", "block_execution", "header_verification", "pivot_distance", "state_mb"];

    /// <summary>
    /// How a node that fell behind catches up. Fast sync's own fields (pivot, snapshot, header check) are accepted with
    /// <c>staged</c> too, so one file compares the two by changing only the mode; with <c>fixed</c> nothing is modelled
    /// and any other field is refused.
    /// </summary>
    private SyncPlan? ReadSync(Fields m)
    {
        var errorsBefore = errors.Count;
        var mode = Enum(m, "mode", [("fixed", SyncKind.Fixed), ("staged", SyncKind.Staged), ("fast", SyncKind.Fast)], required: true);
        var defaults = new SyncPlan(SyncKind.Staged);
        var peers = Int(m, "peers", 1, 64);
        var execution = Time(m, "block_execution", TimeSpan.Zero, TimeSpan.FromMinutes(1));
        var header = Time(m, "header_verification", TimeSpan.Zero, TimeSpan.FromMinutes(1));
        var pivot = Int(m, "pivot_distance", 1, 1_000_000);
        var stateMb = Int(m, "state_mb", 0, 10_000_000);
        if (mode == SyncKind.Fixed)
            foreach (var key in SyncParameters.Where(m.Has))
                Error(m.Value(key)!, m.PathOf(key), "is only used with mode: staged or fast (mode: fixed models no peers, bandwidth or execution)");
        if (errors.Count > errorsBefore || mode is null) return null;
        return mode == SyncKind.Fixed ? SyncPlan.Fixed : defaults with
        {
            Kind = mode.Value,
            Peers = (int)(peers ?? defaults.Peers),
            BlockExecution = execution ?? defaults.BlockExecution,
            HeaderVerification = header ?? defaults.HeaderVerification,
            PivotDistance = (int)(pivot ?? defaults.PivotDistance),
            StateBytes = stateMb is { } mb ? mb << 20 : defaults.StateBytes,
        };
    }
}
