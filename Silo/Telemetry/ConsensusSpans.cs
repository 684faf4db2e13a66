using System.Diagnostics;
using HarmonySim.Simulation.Results;

namespace HarmonySim.Silo.Telemetry;

/// <summary>
/// One span of <c>HarmonySim.Consensus</c> per canonical block round, from its announce to its first honest commit,
/// with an event per FBFT phase boundary: announce, prepared (the leader's PREPARED broadcast, which closes the
/// prepare phase and opens the commit phase) and committed; the virtual times are tags, and the span's own clock is the wall clock anchored at the run's start plus the
/// virtual time, so a trace viewer lays rounds out in virtual order. Made only when a tracer listens.
/// </summary>
public sealed class ConsensusSpans
{
    private readonly DateTimeOffset _anchor = DateTimeOffset.UtcNow;

    public void Round(int shard, CommitRecord commit)
    {
        ArgumentNullException.ThrowIfNull(commit);
        if (!HarmonySimMeter.Consensus.HasListeners()) return;
        var start = _anchor + commit.ProposedAt;
        using var span = HarmonySimMeter.Consensus.StartActivity("block round", ActivityKind.Internal, default(ActivityContext), startTime: start);
        if (span is null) return;
        span.SetTag("harmonysim.shard", shard);
        span.SetTag("harmonysim.height", (long)commit.Height);
        span.SetTag("harmonysim.view", (long)commit.ViewId);
        span.SetTag("harmonysim.signers", commit.Signers);
        span.SetTag("harmonysim.signing_power", commit.SigningPower);
        span.SetTag("harmonysim.leader", commit.LeaderNode);
        span.SetTag("harmonysim.virtual_start_s", commit.ProposedAt.TotalSeconds);
        span.SetTag("harmonysim.virtual_end_s", commit.CommittedAt.TotalSeconds);
        span.AddEvent(new ActivityEvent("announce", start));
        if (commit.PreparedAt is { } prepared)
        {
            span.SetTag("harmonysim.virtual_prepared_s", prepared.TotalSeconds);
            span.AddEvent(new ActivityEvent("prepared", _anchor + prepared));
        }
        span.AddEvent(new ActivityEvent("committed", _anchor + commit.CommittedAt));
        span.SetEndTime((_anchor + commit.CommittedAt).UtcDateTime);
    }
}
