namespace HarmonySim.Dashboard.Control;

/// <summary>
/// A fault an operator asks for from the dashboard's form: a scenario fault kind (crash, restart, isolate-leader,
/// partition, heal), the shard it hits (null: every shard) and, for crash, restart and partition, the node ids.
/// </summary>
public sealed record FaultRequest(string Kind, int? Shard, IReadOnlyList<int> Nodes);
