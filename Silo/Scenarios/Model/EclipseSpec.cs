using System.Collections.Immutable;

namespace HarmonySim.Silo.Scenarios.Model;

/// <summary>
/// An eclipse on the overlay (issue 14): from <see cref="At"/> the <see cref="Attackers"/> cohorts hold
/// <see cref="TableShare"/> of each node of the <see cref="Victims"/> cohorts' routing table and relay nothing to or from
/// it. Only with <c>network.propagation</c> gossip or ida.
/// </summary>
public sealed record EclipseSpec
{
    public TimeSpan At { get; init; }
    public ImmutableArray<string> Victims { get; init; } = [];
    public ImmutableArray<string> Attackers { get; init; } = [];

    /// <summary>Share of the victim's table the attackers take, 0–1 (default all of it).</summary>
    public decimal TableShare { get; init; } = 1m;
}
