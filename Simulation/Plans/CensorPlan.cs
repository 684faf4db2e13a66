namespace HarmonySim.Simulation.Plans;

/// <summary>
/// Whose transactions a censoring leader leaves out. <paramref name="Senders"/> names load sources and scripted
/// transfer accounts (empty: every load source); of each named load source the first <paramref name="Share"/> of its
/// accounts by index (at least one), of a named account that account.
/// </summary>
public sealed record CensorPlan(IReadOnlyList<string> Senders, double Share = 1.0);
