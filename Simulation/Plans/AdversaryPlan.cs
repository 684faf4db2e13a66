namespace HarmonySim.Simulation.Plans;

/// <summary>
/// A cohort that misbehaves, as the per-adversary verdict reads it (never the kernel: the behaviour is already in its
/// nodes' plans): the cohort, its behaviour's file name, its window (an open end runs to the end of the run) and the
/// team it plays for, if any.
/// </summary>
public sealed record AdversaryPlan(string Cohort, string Behaviour, TimeSpan From, TimeSpan? Until, string? Team = null);
