namespace HarmonySim.Simulation.Plans;

/// <summary>
/// Message omission per protocol round, in the style of Twins: until <see cref="Until"/>, each (height, view, message
/// type) round draws a loss rate (none in half of the rounds, and skewed towards small rates in the others: the cube of
/// a uniform draw, so a 100-node committee still gathers quorums) and each message of that round from one node to
/// another is dropped with it. Indexed by the protocol's round rather than by time, so it cuts a phase between a leader's
/// broadcasts as readily as between views. FBFT's safety must hold under any such loss; liveness only after it ends.
/// </summary>
public sealed record OmissionPlan(TimeSpan Until)
{
    /// <summary>The share of protocol rounds that lose messages at all (at most ½, the default).</summary>
    public double LossyRounds { get; init; } = 0.5;
}
