using HarmonySim.Simulation.Plans;
using HarmonySim.Simulation.Results;

namespace HarmonySim.Silo.Reports.Adversaries;

/// <summary>
/// What an aim (<see cref="AdversaryAims"/>) reads about one adversary: its plan and position in the plan's list (its
/// window tallies are at that index), its nodes and shards, the run, the checks, and the most of each shard's voting
/// power it held in any epoch.
/// </summary>
public sealed record AdversaryContext(
    AdversaryPlan Adversary, int Index, IReadOnlyList<NodePlan> Nodes, IReadOnlyList<int> Shards, RunRecord Run, IReadOnlyList<CheckResult> Checks,
    IReadOnlyList<double> MaxShardPower)
{
    /// <summary>The window's end: its own, or the end of the run.</summary>
    public TimeSpan Until => Adversary.Until is { } until && until < Run.SimulatedTime ? until : Run.SimulatedTime;

    /// <summary>The shard results of the adversary's shards.</summary>
    public IEnumerable<ShardResult> ShardResults => Shards.Select(s => Run.Shards[s]);
}
