using System.Collections.Immutable;
using HarmonySim.Silo.Scenarios.Model;
using YamlDotNet.RepresentationModel;

using HarmonySim.Simulation.Plans;

namespace HarmonySim.Silo.Scenarios;

internal sealed partial class ScenarioReader
{
    // ---------------------------------------------------------------- faults

    private static readonly (string, FaultKind)[] FaultKinds = [.. Simulation.Plans.FaultKinds.InScenarios.Select(k => (Simulation.Plans.FaultKinds.Name(k), k))];

    private ImmutableArray<FaultSpec>? ReadFaults(Fields top, NetworkSpec? network, ImmutableArray<ReadCohort>? cohorts, DurationSpec? duration)
    {
        if (!top.Has("faults")) return [];
        var list = List(top, "faults");
        if (list is null) return null;
        var result = ImmutableArray.CreateBuilder<FaultSpec>();
        var ok = true;
        for (var i = 0; i < list.Children.Count; i++)
        {
            var m = Map(list.Children[i], $"faults[{i}]", "faults[]");
            if (m is null) { ok = false; continue; }
            var fault = ReadFault(m, network, cohorts, duration);
            if (fault is null) ok = false;
            else result.Add(fault);
        }
        return ok ? result.ToImmutable() : null;
    }

    /// <summary>Most leaders one isolate-next-leaders fault may cut off (more than any shard's committee needs).</summary>
    public const int MaxTargetedLeaders = 1_000;

    private FaultSpec? ReadFault(Fields m, NetworkSpec? network, ImmutableArray<ReadCohort>? cohorts, DurationSpec? duration)
    {
        var errorsBefore = errors.Count;
        var at = Time(m, "at", TimeSpan.Zero, ScenarioValues.MaxDuration, required: true);
        if (at is { } t && duration is { Kind: DurationKind.Time, Time: { } end } && t >= end)
            Error(m.Value("at")!, m.PathOf("at"), $"is at or after the end of the run (duration.time is {Seconds(end)}), so the fault would never happen");
        var kind = Enum(m, "kind", FaultKinds, required: true);
        var faultDuration = Time(m, "duration", TimeSpan.FromMilliseconds(1), ScenarioValues.MaxDuration);
        var extraDelay = Time(m, "extra_delay", TimeSpan.FromMilliseconds(1), TimeSpan.FromMinutes(10));
        var count = (int?)Int(m, "count", 1, MaxTargetedLeaders);
        var targets = ReadTargets(m, network);
        var groups = ReadGroups(m, cohorts);
        if (kind is null) return null;
        var (every, times) = ReadRecurrence(m, kind.Value, at, faultDuration, duration);

        var kindName = FaultKinds.First(k => k.Item2 == kind).Item1;
        void NotUsed(string key)
        {
            if (m.Value(key) is { } node) Error(node, m.PathOf(key), $"is not used by kind: {kindName}");
        }
        void Required(string key, string what)
        {
            if (!m.Has(key)) Error(m.Node, m.PathOf(key), $"is required for kind: {kindName} ({what})");
        }
        switch (kind)
        {
            case FaultKind.Crash:
                Required("targets", "the cohorts and/or shard:N whose nodes crash");
                NotUsed("groups"); NotUsed("extra_delay");
                break;
            case FaultKind.Restart:
                Required("targets", "the cohorts and/or shard:N whose nodes restart");
                NotUsed("groups"); NotUsed("extra_delay"); NotUsed("duration");
                break;
            case FaultKind.Partition:
            case FaultKind.OverlayPartition:
                Required("groups", "the sides of the partition, each a list of cohort names");
                NotUsed("targets"); NotUsed("extra_delay");
                if (kind == FaultKind.OverlayPartition && network is { Propagation: PropagationKind.Direct })
                    Error(m.Value("kind")!, m.PathOf("kind"), "needs network.propagation: gossip or ida (under direct there is no overlay to split; use kind: partition)");
                break;
            case FaultKind.Heal:
                NotUsed("targets"); NotUsed("groups"); NotUsed("extra_delay"); NotUsed("duration");
                break;
            case FaultKind.IsolateLeader:
            case FaultKind.IsolateNextLeaders:
                Required("targets", "shard:N for each shard whose leader is cut off");
                NotUsed("groups"); NotUsed("extra_delay");
                if (kind == FaultKind.IsolateNextLeaders) Required("count", "how many leaders in a row are cut off, the current one included");
                if (targets is not null && m.Value("targets") is YamlSequenceNode seq)
                    for (var i = 0; i < targets.Value.Length; i++)
                        if (targets.Value[i].Cohort is { } cohort)
                            Error(seq.Children[i], $"{m.PathOf("targets")}[{i}]", $"{kindName} targets shards (shard:N), got cohort '{Echo(cohort)}'");
                break;
            case FaultKind.SlowLink:
                Required("targets", "the cohorts and/or shard:N whose links slow down");
                Required("extra_delay", "the one-way delay added to their links");
                NotUsed("groups");
                break;
        }
        if (kind != FaultKind.IsolateNextLeaders) NotUsed("count");
        if (m.Value("targets") is YamlSequenceNode { Children.Count: 0 } empty && kind is not (FaultKind.Heal or FaultKind.Partition or FaultKind.OverlayPartition))
            Error(empty, m.PathOf("targets"), "must name at least one cohort or shard:N");
        if (errors.Count > errorsBefore || at is null) return null;
        return new FaultSpec
        {
            At = at.Value,
            Kind = kind.Value,
            Targets = targets ?? [],
            Duration = faultDuration,
            Groups = groups ?? [],
            ExtraDelay = extraDelay,
            Count = count,
            Every = every,
            Times = times,
        };
    }

    private ImmutableArray<FaultTarget>? ReadTargets(Fields m, NetworkSpec? network)
    {
        if (!m.Has("targets")) return [];
        var list = List(m, "targets");
        if (list is null) return null;
        var result = ImmutableArray.CreateBuilder<FaultTarget>();
        var ok = true;
        for (var i = 0; i < list.Children.Count; i++)
        {
            var path = $"{m.PathOf("targets")}[{i}]";
            var text = Scalar(list.Children[i], path, "a cohort name or shard:N");
            if (text is null) { ok = false; continue; }
            if (text.StartsWith("shard:", StringComparison.Ordinal))
            {
                var number = text["shard:".Length..];
                if (number.Length == 0 || !number.All(char.IsAsciiDigit) || !int.TryParse(number, out var shard))
                {
                    Error(list.Children[i], path, $"expected shard:N with N a shard number, got '{Echo(text)}'");
                    ok = false;
                }
                else if (network is not null && shard >= network.Shards)
                {
                    Error(list.Children[i], path, $"shard {shard} does not exist; the network has shards 0 to {network.Shards - 1}");
                    ok = false;
                }
                else result.Add(FaultTarget.ForShard(shard));
            }
            else if (CheckCohort(list.Children[i], path, text)) result.Add(FaultTarget.ForCohort(text));
            else ok = false;
        }
        return ok ? result.ToImmutable() : null;
    }

    private ImmutableArray<ImmutableArray<string>>? ReadGroups(Fields m, ImmutableArray<ReadCohort>? cohorts)
    {
        if (!m.Has("groups")) return [];
        var list = List(m, "groups");
        if (list is null) return null;
        var path = m.PathOf("groups");
        var ok = true;
        if (list.Children.Count < 2) { Error(list, path, $"a partition needs at least two groups, got {list.Children.Count}"); ok = false; }
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var result = ImmutableArray.CreateBuilder<ImmutableArray<string>>();
        for (var g = 0; g < list.Children.Count; g++)
        {
            var groupPath = $"{path}[{g}]";
            if (list.Children[g] is not YamlSequenceNode group) { Error(list.Children[g], groupPath, $"expected a list of cohort names, got {Describe(list.Children[g])}"); ok = false; continue; }
            if (group.Children.Count == 0) { Error(group, groupPath, "a group must name at least one cohort"); ok = false; }
            var names = ImmutableArray.CreateBuilder<string>();
            for (var i = 0; i < group.Children.Count; i++)
            {
                var itemPath = $"{groupPath}[{i}]";
                var name = Scalar(group.Children[i], itemPath, "a cohort name");
                if (name is null || !CheckCohort(group.Children[i], itemPath, name)) { ok = false; continue; }
                if (seen.TryGetValue(name, out var other))
                {
                    Error(group.Children[i], itemPath, $"cohort '{Echo(name)}' is already in group {other}; each cohort is in exactly one group");
                    ok = false;
                    continue;
                }
                seen[name] = g;
                names.Add(name);
            }
            result.Add(names.ToImmutable());
        }
        if (ok && cohorts is { } all)
        {
            var missing = all.Select(c => c.Spec.Name).Where(n => !seen.ContainsKey(n)).ToList();
            if (missing.Count > 0)
            {
                Error(list, path, $"every cohort must be in exactly one group; missing: {string.Join(", ", missing)}");
                ok = false;
            }
        }
        return ok ? result.ToImmutable() : null;
    }

    /// <summary>True if <paramref name="name"/> is a known cohort (or the cohort names could not all be read, so nothing can be said).</summary>
    private bool CheckCohort(YamlNode node, string path, string name)
    {
        if (knownCohorts is not { } all || all.Contains(name)) return true;
        Error(node, path, $"unknown cohort '{Echo(name)}'{Suggest(name, all)}; cohorts are {string.Join(", ", all)}");
        return false;
    }

    // ---------------------------------------------------------------- checks and cost

    private ChecksSpec? ReadChecks(Fields m, DurationSpec? duration)
    {
        var errorsBefore = errors.Count;
        var gap = Time(m, "liveness_max_gap", TimeSpan.FromMilliseconds(1), ScenarioValues.MaxDuration);
        var windows = ImmutableArray.CreateBuilder<TimeWindow>();
        if (List(m, "expected_outages") is { } outages)
        {
            for (var i = 0; i < outages.Children.Count; i++)
            {
                var w = Map(outages.Children[i], $"checks.expected_outages[{i}]", "checks.expected_outages[]");
                if (w is null) continue;
                var from = Time(w, "from", TimeSpan.Zero, ScenarioValues.MaxDuration, required: true);
                var to = Time(w, "to", TimeSpan.Zero, ScenarioValues.MaxDuration, required: true);
                if (from is null || to is null) continue;
                if (to <= from) { Error(w.Value("to")!, w.PathOf("to"), $"must be after from ({Seconds(from.Value)}), got {Seconds(to.Value)}"); continue; }
                if (duration is { Kind: DurationKind.Time, Time: { } end } && from >= end)
                {
                    Error(w.Value("from")!, w.PathOf("from"), $"is at or after the end of the run (duration.time is {Seconds(end)})");
                    continue;
                }
                windows.Add(new TimeWindow { From = from.Value, To = to.Value });
            }
        }
        var slashes = CohortList(m, "expected_slashes");
        var jails = CohortList(m, "expected_jails");
        var bounds = ReadPowerBounds(m);
        if (errors.Count > errorsBefore) return null;
        return new ChecksSpec
        {
            LivenessMaxGap = gap ?? new ChecksSpec().LivenessMaxGap,
            ExpectedOutages = windows.ToImmutable(),
            ExpectedSlashes = slashes ?? [],
            ExpectedJails = jails ?? [],
            MaxShardVotingPower = bounds,
        };
    }

    /// <summary><c>checks.max_shard_voting_power</c>: a list of { cohort, above?, below? } with at least one bound, above &lt; below.</summary>
    private ImmutableArray<VotingPowerBoundSpec> ReadPowerBounds(Fields m)
    {
        if (!m.Has("max_shard_voting_power")) return [];
        var list = List(m, "max_shard_voting_power");
        if (list is null) return [];
        var result = ImmutableArray.CreateBuilder<VotingPowerBoundSpec>();
        for (var i = 0; i < list.Children.Count; i++)
        {
            var b = Map(list.Children[i], $"checks.max_shard_voting_power[{i}]", "checks.max_shard_voting_power[]");
            if (b is null) continue;
            var cohort = Text(b, "cohort", required: true);
            if (cohort is not null && knownCohorts is not null && !knownCohorts.Contains(cohort))
            {
                Error(b.Value("cohort")!, b.PathOf("cohort"), $"unknown cohort '{Echo(cohort)}'{Suggest(cohort, knownCohorts)}");
                continue;
            }
            var above = Share(b, "above");
            var below = Share(b, "below");
            if (cohort is null || b.Has("above") && above is null || b.Has("below") && below is null) continue;
            if (above is null && below is null) { Error(b.Node, b.PathOf("above"), "give above, below or both (shares such as 0.3333 or 33.33%)"); continue; }
            if (above is { } a && below is { } c && a >= c) { Error(b.Value("below")!, b.PathOf("below"), $"must be more than above ({a}), got {c}"); continue; }
            result.Add(new VotingPowerBoundSpec { Cohort = cohort, Above = above, Below = below });
        }
        return result.ToImmutable();
    }

    private ImmutableArray<string>? CohortList(Fields m, string key)
    {
        var list = List(m, key);
        if (list is null) return null;
        var result = ImmutableArray.CreateBuilder<string>();
        for (var i = 0; i < list.Children.Count; i++)
        {
            var path = $"{m.PathOf(key)}[{i}]";
            var name = Scalar(list.Children[i], path, "a cohort name");
            if (name is not null && CheckCohort(list.Children[i], path, name)) result.Add(name);
        }
        return result.ToImmutable();
    }

    private CostModelSpec? ReadCost(Fields m)
    {
        var errorsBefore = errors.Count;
        var max = TimeSpan.FromSeconds(10);
        var spec = new CostModelSpec
        {
            Sign = Time(m, "sign", TimeSpan.Zero, max),
            Verify = Time(m, "verify", TimeSpan.Zero, max),
            AggregateVerify = Time(m, "aggregate_verify", TimeSpan.Zero, max),
            BlockValidation = Time(m, "block_validation", TimeSpan.Zero, max),
            TransactionExecution = Time(m, "transaction_execution", TimeSpan.Zero, max),
        };
        return errors.Count > errorsBefore ? null : spec;
    }

    private static string Seconds(TimeSpan t) => Invariant($"{t.TotalSeconds:0.###}s");
}
