namespace HarmonySim.Simulation.Plans;

/// <summary>One validator node: its shard, cohort, keys, stake per key (none for Harmony-operated), region and behaviour.</summary>

public sealed record NodePlan(
    int Id,
    int Shard,
    string Cohort,
    int Keys,
    decimal? StakePerKey,
    int Region,
    NodeBehaviour Behaviour,
    TimeSpan? BehaviourFrom = null,
    TimeSpan? JoinsAt = null)
{
    /// <summary>When the behaviour stops (the node is honest from then on); null: never.</summary>
    public TimeSpan? BehaviourUntil { get; init; }

    /// <summary>Whose transactions a <see cref="NodeBehaviour.Censor"/> node leaves out; null for other behaviours.</summary>
    public CensorPlan? Censor { get; init; }

    /// <summary>
    /// How late a <see cref="NodeBehaviour.DelayVotes"/> node sends each vote. A height's consensus timer covers the block
    /// period and both vote phases, so each vote waits 40 % of what the timeout leaves after the block period: the two
    /// phases then take 80 % of it, late enough to stretch every round, early enough (with the network's latency) to
    /// reach the leader before anyone times out.
    /// </summary>
    public static TimeSpan VoteDelay(TimingPlan timing)
    {
        ArgumentNullException.ThrowIfNull(timing);
        return (timing.PhaseTimeout - timing.BlockTime) * 0.4;
    }

    /// <summary>Whether the node's behaviour is in force at <paramref name="now"/>: from its start time (or the start) until its end time (or the end).</summary>
    public bool Misbehaves(TimeSpan now) =>
        Behaviour != NodeBehaviour.Honest && (BehaviourFrom is not { } from || now >= from) && (BehaviourUntil is not { } until || now < until);
}

public enum NodeBehaviour
{
    Honest,
    SilentLeader,
    WithholdVotes,

    /// <summary>Split brain: two honest replicas with the node's keys, each talking to one side of the shard.</summary>
    Equivocate,

    /// <summary>From <see cref="NodePlan.BehaviourFrom"/>, every COMMIT vote goes with a second one for a conflicting block.</summary>
    DoubleSign,

    /// <summary>As a new leader, carries the oldest prepared certificate it has seen rather than the newest (Adversaries/StaleCertificateLeader).</summary>
    StaleCertificateLeader,

    /// <summary>
    /// Withholds its voting power from every quorum: sends no votes and, as leader, nothing (a withholding leader would
    /// otherwise sign its own block). <see cref="WithholdVotes"/> still leads.
    /// </summary>
    WithholdPower,

    /// <summary>Sends a forged or malformed copy ahead of each consensus message (Adversaries/Forger); otherwise honest.</summary>
    Forge,

    /// <summary>Beside its honest messages, sends every member VIEWCHANGEs for future views, validly signed (Adversaries/ViewChangeSpammer).</summary>
    ViewChangeSpam,

    /// <summary>
    /// Sends its votes late, just before the leader would give up on them (<see cref="NodePlan.VoteDelay"/>): with more
    /// than a third of the power, every block waits for it, yet no view change starts.
    /// </summary>
    DelayVotes,

    /// <summary>
    /// As leader, leaves out of its blocks every transaction from the senders its <see cref="NodePlan.Censor"/> names
    /// (Adversaries/Censorship); otherwise honest.
    /// </summary>
    Censor,
}
