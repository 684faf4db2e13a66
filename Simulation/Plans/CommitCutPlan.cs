namespace HarmonySim.Simulation.Plans;

/// <summary>
/// An adaptive network adversary, as asynchrony allows before the network stabilises: until <see cref="Until"/>, when a
/// node is the first to commit a height, and a draw from the seed for that height falls below <see cref="Share"/>, the
/// network cuts that node off from the rest of its shard until <see cref="Until"/> — before its COMMITTED leaves. The
/// others then hold the block's certificate uncommitted and must change view without it: the schedule the view-change
/// rules (M1, the lock) exist for, which random loss reaches only in small committees. FBFT must stay safe under it;
/// liveness is judged after <see cref="Until"/>.
/// </summary>
public sealed record CommitCutPlan(TimeSpan Until, double Share);
