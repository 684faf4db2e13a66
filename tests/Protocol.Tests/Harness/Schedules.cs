using System.Numerics;
using CsCheck;
using HarmonySim.Protocol.Consensus;
using HarmonySim.Protocol.Consensus.Quorum;

namespace HarmonySim.Protocol.Tests.Harness;

/// <summary>A random but reproducible network schedule; printed in full when a property fails.</summary>
public sealed record Schedule(int Seed, Byzantine[] Behaviours, int[] Stakes, int BaseLatencyMs, int JitterMs, double Loss, int LossEndsAtS,
    (int Node, int AtS, int? RestartS)[] Crashes, QuorumMode Mode, bool Rotation, ViewChangeLeaderPolicy Leaders)
{
    public NetworkSpec ToSpec() => new()
    {
        Nodes = [.. Behaviours.Select((b, i) => new NodeSpec(StakePerKey: Mode == QuorumMode.ByVotingPower && Stakes[i] > 0 ? new BigInteger(Stakes[i]) * BigInteger.Pow(10, 18) : null, Behaviour: b))],
        Seed = Seed,
        QuorumMode = Mode,
        HarmonyVoteShare = VotingPower.FromDecimal(0.49m),
        BaseLatency = TimeSpan.FromMilliseconds(BaseLatencyMs),
        Jitter = TimeSpan.FromMilliseconds(JitterMs),
        Loss = Loss,
        LossEndsAt = TimeSpan.FromSeconds(LossEndsAtS),
        Crashes = [.. Crashes.Select(c => new CrashSpec(c.Node, TimeSpan.FromSeconds(c.AtS), c.RestartS is { } r ? TimeSpan.FromSeconds(r) : null))],
        Config = new FbftConfig
        {
            BlocksPerEpoch = 1_000_000,
            BootstrapTimeout = TimeSpan.FromSeconds(27),
            Rotation = Rotation ? LeaderRotation.After(3) : LeaderRotation.None,
            ViewChangeLeaders = Leaders,
        },
    };

    /// <summary>Share of voting power (or of votes, by count) held by byzantine nodes, exactly.</summary>
    public double ByzantinePower()
    {
        if (Mode == QuorumMode.ByCount) return Behaviours.Count(b => b != Byzantine.None) / (double)Behaviours.Length;
        var power = VotingPower.Compute([.. Stakes.Select(s => s > 0 ? (BigInteger?)s : null)], [.. Stakes.Select(_ => true)], VotingPower.FromDecimal(0.49m));
        return Behaviours.Select((b, i) => b == Byzantine.None ? 0 : power[i]).Sum() / (double)VotingPower.One;
    }

    public override string ToString() =>
        $"seed {Seed}, {Mode}, behaviours [{string.Join(",", Behaviours)}], stakes [{string.Join(",", Stakes)}], latency {BaseLatencyMs}+{JitterMs}ms, " +
        $"loss {Loss:F2} until {LossEndsAtS}s, crashes [{string.Join(",", Crashes.Select(c => $"n{c.Node}@{c.AtS}->{c.RestartS}"))}], rotation {Rotation}, {Leaders}";
}

public static class Schedules
{
    private static readonly Gen<Byzantine> AnyBehaviour = Gen.OneOf(
        Byzantine.SplitBrain, Byzantine.SilentLeader, Byzantine.WithholdVotes, Byzantine.SilentAfterPrepared, Byzantine.SplitBrain | Byzantine.WithholdVotes);

    /// <summary>
    /// Networks of 4–13 nodes by count or by stake, byzantine nodes of every kind chosen to hold
    /// less than 1/3 (<paramref name="belowOneThird"/>) or at least 1/3 of the power, seeded latency, jitter, loss and crashes.
    /// </summary>
    public static Gen<Schedule> Adversarial(bool belowOneThird) =>
        from n in Gen.Int[4, 13]
        from seed in Gen.Int
        from mode in Gen.OneOf(QuorumMode.ByCount, QuorumMode.ByVotingPower)
        from stakes in Gen.Int[0, 100].Array[n]
        from byzantineFlags in Gen.Bool.Array[n]
        from behaviours in AnyBehaviour.Array[n]
        from baseLatency in Gen.Int[1, 200]
        from jitter in Gen.Int[0, 1500]
        from loss in Gen.Double[0, 0.3]
        from lossEnds in Gen.Int[0, 200]
        from crashNode in Gen.Int[0, n - 1]
        from crashAt in Gen.Int[1, 100]
        from restart in Gen.Int[0, 150]
        from rotation in Gen.Bool
        from leaders in Gen.OneOf(ViewChangeLeaderPolicy.HarmonyKeysOnly, ViewChangeLeaderPolicy.AllValidators)
        let schedule = Fit(new Schedule(seed, [.. behaviours.Select((b, i) => byzantineFlags[i] ? b : Byzantine.None)], stakes, baseLatency, jitter, loss, lossEnds,
            [(crashNode, crashAt, restart > 50 ? crashAt + restart : null)], mode, rotation, leaders), belowOneThird)
        where schedule is not null
        select schedule;

    /// <summary>Turns byzantine nodes honest (or honest nodes byzantine) until the byzantine share lands on the wanted side of 1/3.</summary>
    private static Schedule? Fit(Schedule schedule, bool belowOneThird)
    {
        var behaviours = schedule.Behaviours.ToArray();
        var s = schedule with { Behaviours = behaviours };
        for (var i = behaviours.Length - 1; i >= 0 && belowOneThird && s.ByzantinePower() >= 1.0 / 3; i--) behaviours[i] = Byzantine.None;
        for (var i = 0; i < behaviours.Length && !belowOneThird && s.ByzantinePower() < 1.0 / 3; i++) behaviours[i] = Byzantine.SplitBrain;
        if (belowOneThird ? s.ByzantinePower() >= 1.0 / 3 : s.ByzantinePower() < 1.0 / 3) return null;
        return s;
    }
}
