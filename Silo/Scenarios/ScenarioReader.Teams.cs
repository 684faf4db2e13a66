using System.Collections.Immutable;
using System.Globalization;
using HarmonySim.Silo.Scenarios.Model;
using YamlDotNet.RepresentationModel;

namespace HarmonySim.Silo.Scenarios;

/// <summary>
/// <c>teams:</c> (game of stakes, issue 13; docs/GAME-OF-STAKES.md). A team's strategy becomes its cohorts' behaviours,
/// its moves become staking transactions from its account (a delegator named after the team, funded with the budget
/// left after its validators' self-stake) and CreateValidator for a cohort it registers later.
/// </summary>
internal sealed partial class ScenarioReader
{
    private static readonly string[] MoveKinds = ["delegate", "undelegate", "collect-rewards", "create-validator"];

    /// <summary>What the teams change: cohorts' behaviours and registration times, delegators and transactions added.</summary>
    private sealed record TeamsRead(
        ImmutableArray<TeamSpec> Teams,
        ImmutableDictionary<string, Func<CohortSpec, CohortSpec>> CohortChanges,
        ImmutableArray<DelegatorSpec> Accounts,
        ImmutableArray<StakingActionSpec> Moves)
    {
        public static readonly TeamsRead None = new([], ImmutableDictionary<string, Func<CohortSpec, CohortSpec>>.Empty, [], []);

        public CohortSpec Cohort(CohortSpec c) => CohortChanges.TryGetValue(c.Name, out var change) ? change(c) : c;

        public StakingSpec? Staking(StakingSpec? s) => s is null || Accounts.IsEmpty && Moves.IsEmpty ? s
            : s with { Delegators = s.Delegators.AddRange(Accounts), Transactions = s.Transactions.AddRange(Moves) };
    }

    private TeamsRead? ReadTeams(Fields top, ImmutableArray<ReadCohort>? cohorts, StakingSpec? staking, DurationSpec? duration)
    {
        var list = List(top, "teams");
        if (list is null) return null;
        if (!top.Has("staking"))
            return Fail<TeamsRead>(list, "teams", "needs a staking section: a team is scored on its rewards, stake and voting power, which come from elections");
        if (cohorts is not { } known || staking is null) return null;
        var errorsBefore = errors.Count;
        var byName = known.ToDictionary(c => c.Spec.Name, StringComparer.Ordinal);
        var owner = new Dictionary<string, (string Team, YamlNode Node)>(StringComparer.Ordinal);
        var teamNames = new HashSet<string>(StringComparer.Ordinal);
        var teams = ImmutableArray.CreateBuilder<TeamSpec>();
        var changes = ImmutableDictionary.CreateBuilder<string, Func<CohortSpec, CohortSpec>>(StringComparer.Ordinal);
        var accounts = ImmutableArray.CreateBuilder<DelegatorSpec>();
        var moves = ImmutableArray.CreateBuilder<StakingActionSpec>();
        for (var i = 0; i < list.Children.Count; i++)
        {
            var m = Map(list.Children[i], $"teams[{i}]", "teams[]");
            if (m is null) continue;
            var name = Text(m, "name", required: true);
            if (name is not null && !IsCohortName(name)) { Error(m.Value("name")!, m.PathOf("name"), $"must be letters, digits, '-' and '_', starting with a letter or digit, at most 64 characters; got '{Echo(name)}'"); name = null; }
            else if (name is not null && !teamNames.Add(name)) { Error(m.Value("name")!, m.PathOf("name"), $"'{name}' is already the name of a team"); name = null; }
            else if (name is not null && staking.Delegators.Any(d => d.Name == name))
            { Error(m.Value("name")!, m.PathOf("name"), $"'{name}' is also a delegator's name; the team's account is a delegator named after the team, so rename one"); name = null; }
            var budget = Amount(m, "budget", required: true);
            var members = ReadTeamCohorts(m, byName, owner, name);
            var (strategy, active) = ReadStrategy(m, members ?? [], byName, changes, duration);
            var teamMoves = ReadMoves(m, name ?? "", members ?? [], byName, changes, duration);
            if (name is null || budget is null || members is null || strategy is null || teamMoves is null) continue;

            // Budget: the validators' self-stake (at the top of a stake range) and every delegation the moves make.
            var selfStake = members.Sum(c => (byName[c].Spec.StakePerKey?.Max ?? 0) * byName[c].Spec.Keys);
            var delegated = teamMoves.Where(x => x.Kind == StakingActionKind.Delegate).Sum(x => x.Amount * byName[x.To].Spec.Validators);
            if (selfStake + delegated > budget)
            {
                Error(m.Value("budget")!, m.PathOf("budget"),
                    $"is exceeded: the team's validators' self-stake {Number(selfStake)} ONE + its delegations {Number(delegated)} ONE = {Number(selfStake + delegated)} ONE, over the budget of {Number(budget.Value)} ONE");
                continue;
            }
            if (teamMoves.Any(x => x.Kind != StakingActionKind.Activate)) accounts.Add(new DelegatorSpec { Name = name, Balance = budget.Value - selfStake });
            moves.AddRange(teamMoves.Where(x => x.Kind != StakingActionKind.Activate));
            teams.Add(new TeamSpec { Name = name, Budget = budget.Value, Cohorts = [.. members], Strategy = strategy, Active = active });
        }
        return errors.Count > errorsBefore ? null : new TeamsRead(teams.ToImmutable(), changes.ToImmutable(), accounts.ToImmutable(), moves.ToImmutable());
    }

    private List<string>? ReadTeamCohorts(Fields m, Dictionary<string, ReadCohort> byName, Dictionary<string, (string Team, YamlNode Node)> owner, string? team)
    {
        var list = List(m, "cohorts", required: true);
        if (list is null) return null;
        if (list.Children.Count == 0) return Fail<List<string>>(list, m.PathOf("cohorts"), "must name at least one cohort (the team's validators)");
        var result = new List<string>();
        var ok = true;
        for (var i = 0; i < list.Children.Count; i++)
        {
            var path = $"{m.PathOf("cohorts")}[{i}]";
            var text = Scalar(list.Children[i], path, "a cohort name");
            if (text is null || !CheckCohort(list.Children[i], path, text)) { ok = false; continue; }
            if (byName[text].Spec.HarmonyOperated) { Error(list.Children[i], path, $"cohort '{text}' is Harmony-operated; a team runs staked validators, so name an external cohort"); ok = false; continue; }
            if (owner.TryGetValue(text, out var first))
            {
                Error(list.Children[i], path, $"cohort '{text}' already belongs to team '{first.Team}' (line {first.Node.Start.Line}); a validator plays for one team");
                ok = false;
                continue;
            }
            owner[text] = (team ?? "?", list.Children[i]);
            result.Add(text);
        }
        return ok ? result : null;
    }

    /// <summary>The strategy: absent or <c>honest</c>, a behaviour for every cohort of the team, or a list of timed steps.</summary>
    private (string? Text, ImmutableArray<(TimeSpan, TimeSpan?)> Active) ReadStrategy(Fields m, List<string> members, Dictionary<string, ReadCohort> byName,
        ImmutableDictionary<string, Func<CohortSpec, CohortSpec>>.Builder changes, DurationSpec? duration)
    {
        var node = m.Value("strategy");
        if (node is null) return ("honest", []);
        var steps = new List<(CohortBehaviour Behaviour, List<string> Cohorts, TimeSpan? From, TimeSpan? Until, YamlNode Node)>();
        if (node is YamlScalarNode)
        {
            var behaviour = Enum(m, "strategy", BehaviourNames);
            if (behaviour is null) return (null, []);
            if (behaviour is CohortBehaviour.DarkFrom or CohortBehaviour.DoubleSignFrom)
                return Fail<(string?, ImmutableArray<(TimeSpan, TimeSpan?)>)>(node, m.PathOf("strategy"),
                    $"{BehaviourName(behaviour.Value)} starts at a time: give it as a step, e.g. [{{ behaviour: {BehaviourName(behaviour.Value)}, active_from: 60s }}]");
            steps.Add((behaviour.Value, members, null, null, node));
        }
        else
        {
            var list = List(m, "strategy");
            if (list is null) return (null, []);
            for (var i = 0; i < list.Children.Count; i++)
            {
                var s = Map(list.Children[i], $"{m.PathOf("strategy")}[{i}]", "teams[].strategy[]");
                if (s is null) continue;
                var behaviour = Enum(s, "behaviour", BehaviourNames, required: true);
                var targets = s.Has("cohorts") ? StepCohorts(s, members) : members;
                var (from, until, windowOk) = behaviour is CohortBehaviour.DarkFrom or CohortBehaviour.DoubleSignFrom
                    ? (Time(s, "active_from", TimeSpan.Zero, ScenarioValues.MaxDuration, required: true), (TimeSpan?)null, !s.Has("active_until")
                        || Fail<bool>(s.Value("active_until")!, s.PathOf("active_until"), $"is not used with {BehaviourName(behaviour.Value)}: it lasts to the end of the run"))
                    : ActiveWindow(s, behaviour, duration);
                if (behaviour is null || targets is null || !windowOk || behaviour is CohortBehaviour.DarkFrom or CohortBehaviour.DoubleSignFrom && from is null) continue;
                steps.Add((behaviour.Value, targets, from, until, s.Node));
            }
        }
        var ok = true;
        var stepOf = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (behaviour, targets, from, until, at) in steps)
            foreach (var cohort in targets)
            {
                if (stepOf.TryGetValue(cohort, out var first))
                {
                    Error(at, m.PathOf("strategy"), $"gives cohort '{cohort}' a second behaviour (the first at line {first.Start.Line}); a validator runs one behaviour window, so split the cohort");
                    ok = false;
                    continue;
                }
                stepOf[cohort] = at;
                if (byName[cohort].Spec.Behaviour != CohortBehaviour.Honest)
                {
                    Error(at, m.PathOf("strategy"), $"sets the behaviour of cohort '{cohort}', which sets its own (line {byName[cohort].Node.Start.Line}); leave one of them out");
                    ok = false;
                    continue;
                }
                changes[cohort] = c => behaviour switch
                {
                    CohortBehaviour.DarkFrom => c with { Behaviour = behaviour, DarkFrom = from },
                    CohortBehaviour.DoubleSignFrom => c with { Behaviour = behaviour, DoubleSignFrom = from },
                    _ => c with { Behaviour = behaviour, ActiveFrom = from, ActiveUntil = until },
                };
            }
        if (!ok || errors.Count > 0) return (null, []);
        var text = steps.Count == 0 ? "honest" : string.Join("; ", steps.Select(s => BehaviourName(s.Behaviour)
            + (s.Cohorts.Count == members.Count ? "" : $" by {string.Join(", ", s.Cohorts)}")
            + (s.From is { } f ? $" from {Seconds(f)}" : "") + (s.Until is { } u ? $" until {Seconds(u)}" : "")));
        var active = steps.Where(s => s.Behaviour != CohortBehaviour.Honest).Select(s => (s.From ?? TimeSpan.Zero, s.Until)).ToImmutableArray();
        return (text, active);
    }

    private List<string>? StepCohorts(Fields s, List<string> members)
    {
        var list = List(s, "cohorts");
        if (list is null) return null;
        var result = new List<string>();
        for (var i = 0; i < list.Children.Count; i++)
        {
            var path = $"{s.PathOf("cohorts")}[{i}]";
            var text = Scalar(list.Children[i], path, "a cohort name");
            if (text is null) return null;
            if (!members.Contains(text)) return Fail<List<string>>(list.Children[i], path, $"cohort '{Echo(text)}' is not one of the team's cohorts ({string.Join(", ", members)})");
            result.Add(text);
        }
        return result;
    }

    /// <summary>The team's moves: (un)delegations and reward collection from its account, CreateValidator for a cohort it registers later (returned as Activate markers, applied to the cohort).</summary>
    private List<StakingActionSpec>? ReadMoves(Fields m, string team, List<string> members, Dictionary<string, ReadCohort> byName,
        ImmutableDictionary<string, Func<CohortSpec, CohortSpec>>.Builder changes, DurationSpec? duration)
    {
        if (!m.Has("moves")) return [];
        var list = List(m, "moves");
        if (list is null) return null;
        var result = new List<StakingActionSpec>();
        var errorsBefore = errors.Count;
        for (var i = 0; i < list.Children.Count; i++)
        {
            var x = Map(list.Children[i], $"{m.PathOf("moves")}[{i}]", "teams[].moves[]");
            if (x is null) continue;
            var at = Time(x, "at", TimeSpan.Zero, ScenarioValues.MaxDuration, required: true);
            if (at is { } t && duration is { Kind: DurationKind.Time, Time: { } end } && t >= end)
                Error(x.Value("at")!, x.PathOf("at"), $"is at or after the end of the run (duration.time is {Seconds(end)}), so the move would never be made");
            var kindText = Read(x, "kind", true, $"one of {string.Join(", ", MoveKinds)}", out var kindNode);
            if (kindText is not null && !MoveKinds.Contains(kindText))
            {
                Error(kindNode!, x.PathOf("kind"), $"expected one of {string.Join(", ", MoveKinds)}, got '{Echo(kindText)}'{Suggest(kindText, MoveKinds)}");
                kindText = null;
            }
            if (kindText is null || at is null) continue;
            var repeats = MoveRepeats(x, kindText, at.Value, duration);
            if (repeats is null) continue;
            if (kindText == "create-validator")
            {
                foreach (var key in new[] { "to", "amount" })
                    if (x.Value(key) is { } unused) Error(unused, x.PathOf(key), "is not used by kind: create-validator (the cohort's validators register with their own stake)");
                var cohort = Text(x, "cohort");
                if (cohort is null) { if (!x.Has("cohort")) Error(x.Node, x.PathOf("cohort"), "is required for kind: create-validator (the team's cohort that registers)"); continue; }
                if (!members.Contains(cohort)) { Error(x.Value("cohort")!, x.PathOf("cohort"), $"cohort '{Echo(cohort)}' is not one of the team's cohorts ({string.Join(", ", members)})"); continue; }
                if (byName[cohort].Spec.JoinsAt is not null) { Error(x.Value("cohort")!, x.PathOf("cohort"), $"cohort '{cohort}' already registers at joins_at (line {byName[cohort].Node.Start.Line}); leave one of them out"); continue; }
                var joins = at.Value;
                var previous = changes.GetValueOrDefault(cohort);
                changes[cohort] = c => (previous?.Invoke(c) ?? c) with { JoinsAt = joins };
                result.Add(new StakingActionSpec { At = joins, Kind = StakingActionKind.Activate, From = cohort });
                continue;
            }
            if (x.Value("cohort") is { } stray) Error(stray, x.PathOf("cohort"), $"is only used by kind: create-validator; kind: {kindText} names its validators with to");
            var kind = kindText switch { "delegate" => StakingActionKind.Delegate, "undelegate" => StakingActionKind.Undelegate, _ => StakingActionKind.CollectRewards };
            if (kind == StakingActionKind.CollectRewards)
            {
                foreach (var key in new[] { "to", "amount" })
                    if (x.Value(key) is { } unused) Error(unused, x.PathOf(key), "is not used by kind: collect-rewards (the team collects from every validator at once)");
                result.AddRange(repeats.Select(start => new StakingActionSpec { At = start, Kind = kind, From = team }));
                continue;
            }
            var to = Text(x, "to", required: true);
            var amount = Amount(x, "amount", required: true);
            if (to is not null && CheckCohort(x.Value("to")!, x.PathOf("to"), to) && byName[to].Spec.HarmonyOperated)
            { Error(x.Value("to")!, x.PathOf("to"), $"cohort '{to}' is Harmony-operated; its keys have no validator to delegate to"); continue; }
            if (amount is { } a && kind == StakingActionKind.Delegate && a < 1_000m)
            { Error(x.Value("amount")!, x.PathOf("amount"), $"is below the 1,000 ONE minimum delegation (§4.2), got {a}"); continue; }
            if (amount == 0) { Error(x.Value("amount")!, x.PathOf("amount"), "must be more than 0 ONE"); continue; }
            if (to is null || amount is null) continue;
            // A repeated move is that many moves: the budget check counts every delegation it makes.
            result.AddRange(repeats.Select(start => new StakingActionSpec { At = start, Kind = kind, From = team, To = to, Amount = amount.Value }));
        }
        return errors.Count > errorsBefore ? null : result;
    }

    /// <summary>Most times one team move may repeat.</summary>
    public const int MaxMoveRepeats = 1_000;

    /// <summary>
    /// A move's times: <c>at</c> alone, or with <c>every</c> and <c>times</c> that many, <c>every</c> apart (a cartel that
    /// keeps delegating each epoch). <c>times</c> is required so the budget check can count every delegation. Null on an error.
    /// </summary>
    private List<TimeSpan>? MoveRepeats(Fields x, string kind, TimeSpan at, DurationSpec? duration)
    {
        var every = Time(x, "every", TimeSpan.FromMilliseconds(1), ScenarioValues.MaxDuration);
        var times = (int?)Int(x, "times", 1, MaxMoveRepeats);
        if (x.Has("every") && every is null || x.Has("times") && times is null) return null;
        if (every is null && times is null) return [at];
        if (kind == "create-validator")
        {
            Error(x.Value("every") ?? x.Value("times")!, x.PathOf(x.Has("every") ? "every" : "times"), "is not used by kind: create-validator (a cohort registers once)");
            return null;
        }
        if (every is null) { Error(x.Value("times")!, x.PathOf("times"), "is only used with every (a repeated move)"); return null; }
        if (times is null) { Error(x.Value("every")!, x.PathOf("times"), "is required with every (how many times the move is made; the budget counts each)"); return null; }
        var starts = Enumerable.Range(0, times.Value).Select(n => at + every.Value * n).ToList();
        if (duration is { Kind: DurationKind.Time, Time: { } end } && starts[^1] >= end)
        {
            Error(x.Value("times")!, x.PathOf("times"), $"makes the last move at {Seconds(starts[^1])}, at or after the end of the run (duration.time is {Seconds(end)})");
            return null;
        }
        return starts;
    }

    private static string Number(decimal value) => value.ToString("#,0.##################", CultureInfo.InvariantCulture);
}
