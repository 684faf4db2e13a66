namespace HarmonySim.Simulation.Network;

/// <summary>Where a validator stands in one shard: its behaviour, whether it is crashed, whether it leads, its committed height and view.</summary>
public sealed record NodeStatus(int Node, int Shard, NodeBehaviour Behaviour, bool Crashed, bool IsLeader, ulong Height, ulong ViewId);
