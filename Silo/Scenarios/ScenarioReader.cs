using System.Collections.Immutable;
using System.Globalization;
using HarmonySim.Silo.Scenarios.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

using HarmonySim.Protocol.Consensus.Quorum;

using HarmonySim.Protocol.Crypto;
using HarmonySim.Simulation.Plans;

namespace HarmonySim.Silo.Scenarios;

/// <summary>
/// Turns a YAML tree into a <see cref="Scenario"/>, collecting every error with the line and column of the node it
/// concerns. Fields are read with the typed helpers at the bottom; each returns null (and records an error) when
/// the value is missing or wrong, and the checks that combine fields run only on values that were read.
/// </summary>
internal sealed partial class ScenarioReader(string file)
{
    private const int MaxShards = 64;
    private const int MaxSlotsPerShard = 25_000;
    private static readonly TimeSpan OneDay = TimeSpan.FromDays(1);

    private readonly List<ScenarioError> errors = [];

    /// <summary>Names of all cohorts, when every cohort entry has a valid name; null otherwise (references are then not checked).</summary>
    private List<string>? knownCohorts;

    public IReadOnlyList<ScenarioError> Errors => errors;

    public Scenario? Read(YamlNode root)
    {
        var top = Map(root, "", "");
        if (top is null) return null;

        var name = Text(top, "name");
        if (name is not null && !IsIdentifier(name))
            Error(top.Value("name")!, "name", $"must be lower-case letters, digits and '-', starting with a letter or digit, at most 64 characters; got '{Echo(name)}'");
        var description = Text(top, "description", required: true);
        var seed = Int(top, "seed", 0, long.MaxValue);

        var network = Section(top, "network", required: true, ReadNetwork);
        var latency = Section(top, "latency", required: false, ReadLatency) ?? (top.Has("latency") ? null : LatencySpec.Default);
        // A testnet config (with genesis accounts) runs until stopped: its duration is optional, a century by default.
        var duration = Section(top, "duration", required: !top.Has("genesis"), ReadDuration)
            ?? (top.Has("genesis") && !top.Has("duration") ? DurationSpec.ForTime(ScenarioValues.MaxDuration) : null);
        var cohorts = ReadCohorts(top, network, latency, duration, electing: top.Has("staking"));
        var faults = ReadFaults(top, network, cohorts, duration);
        var checks = Section(top, "checks", required: false, m => ReadChecks(m, duration)) ?? (top.Has("checks") ? null : new ChecksSpec());
        var cost = Section(top, "cost", required: false, ReadCost) ?? (top.Has("cost") ? null : new CostModelSpec());
        var staking = Section(top, "staking", required: false, m => ReadStaking(m, network, cohorts, duration));
        var transfers = Section(top, "transfers", required: false, m => ReadTransfers(m, top, network, duration));
        var load = Section(top, "load", required: false, m => ReadLoad(m, network, duration));
        var eclipse = Section(top, "eclipse", required: false, m => ReadEclipse(m, network, duration));
        var genesis = top.Has("genesis") ? ReadGenesis(top, network) : null;
        if (cohorts is not null && network is not null && !(top.Has("staking") && staking is null)) cohorts = SizeByStakeShare(cohorts.Value, network, staking);
        var faucet = Section(top, "faucet", required: false, m => ReadFaucet(m, top));
        var teams = top.Has("teams") ? ReadTeams(top, cohorts, staking, duration) : TeamsRead.None;
        CheckCensors(transfers, load);

        if (errors.Count > 0 || network is null || latency is null || cohorts is null || duration is null || faults is null || checks is null || cost is null || description is null
            || top.Has("staking") && staking is null || top.Has("transfers") && transfers is null || top.Has("load") && load is null || top.Has("eclipse") && eclipse is null
            || top.Has("genesis") && genesis is null || top.Has("faucet") && faucet is null || teams is null)
            return null;
        return new Scenario
        {
            Name = name ?? DefaultName(file),
            Description = description,
            Seed = (ulong)(seed ?? 1),
            Network = network,
            Cohorts = [.. cohorts.Value.Select(c => teams.Cohort(c.Spec))],
            Latency = latency,
            Faults = faults.Value,
            Duration = duration,
            Checks = checks,
            Cost = cost,
            Staking = teams.Staking(staking),
            Transfers = transfers,
            Teams = teams.Teams,
            Load = load,
            Eclipse = eclipse,
            Genesis = genesis,
            Faucet = faucet,
        };
    }

    private static string DefaultName(string path)
    {
        var stem = Path.GetFileNameWithoutExtension(path).ToLowerInvariant();
        return IsIdentifier(stem) ? stem : "scenario";
    }

    private static bool IsIdentifier(string s) =>
        s.Length is > 0 and <= 64 && char.IsAsciiLetterOrDigit(s[0]) && s.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');

    // ---------------------------------------------------------------- network

    private NetworkSpec? ReadNetwork(Fields m)
    {
        var shards = Int(m, "shards", 1, MaxShards, required: true);
        var slots = Int(m, "slots_per_shard", 1, MaxSlotsPerShard, required: true);
        var harmony = Int(m, "harmony_slots_per_shard", 0, slots ?? MaxSlotsPerShard, required: true,
            rangeNote: slots is null ? null : $"between 0 and slots_per_shard ({slots})");
        var quorum = Enum(m, "quorum", [("count", QuorumMode.ByCount), ("stake", QuorumMode.ByVotingPower)]);
        var share = Share(m, "harmony_vote_share");
        var blocksPerEpoch = Int(m, "blocks_per_epoch", 1, 1_000_000_000);
        var blockTime = Time(m, "block_time", TimeSpan.FromMilliseconds(1), TimeSpan.FromHours(1));
        var scheme = Enum(m, "signature_scheme", [("simulated", SignatureSchemeKind.Simulated), ("bls", SignatureSchemeKind.Bls)]);
        var leaders = Enum(m, "view_change_leaders", [("harmony-keys", ViewChangeLeadersKind.HarmonyKeys), ("all-validators", ViewChangeLeadersKind.AllValidators)]);
        var rotation = ReadLeaderRotation(m);
        var propagation = Enum(m, "propagation", [("direct", PropagationKind.Direct), ("gossip", PropagationKind.Gossip), ("ida", PropagationKind.Ida)]);
        var timing = Section(m, "timing", required: false, ReadTiming) ?? (m.Has("timing") ? null : new TimingSpec());
        var sync = Section(m, "sync", required: false, ReadSync) ?? (m.Has("sync") ? null : SyncPlan.Fixed);

        var quorumKind = quorum ?? QuorumMode.ByVotingPower;
        var leadersKind = leaders ?? ViewChangeLeadersKind.HarmonyKeys;
        if (slots is { } s && harmony is { } h)
        {
            var shareNode = m.Value("harmony_vote_share");
            if (quorumKind == QuorumMode.ByCount && shareNode is not null)
                Error(shareNode, m.PathOf("harmony_vote_share"), "is only used with quorum: stake (with quorum: count every key has one vote)");
            else if (quorumKind == QuorumMode.ByVotingPower && h > 0 && h < s && shareNode is null)
                Error(m.Node, m.PathOf("harmony_vote_share"), $"is required with quorum: stake when a shard has both Harmony-operated ({h}) and external ({s - h}) slots");
            else if (quorumKind == QuorumMode.ByVotingPower && (h == 0 || h == s) && shareNode is not null)
                Error(shareNode, m.PathOf("harmony_vote_share"), h == 0
                    ? "has no effect without Harmony-operated slots (harmony_slots_per_shard is 0)"
                    : "has no effect when every slot is Harmony-operated (they share all the voting power)");
            if (leadersKind == ViewChangeLeadersKind.HarmonyKeys && h == 0)
                Error(m.Value("view_change_leaders") ?? m.Node, m.PathOf("view_change_leaders"),
                    "harmony-keys (the default) needs at least one Harmony-operated slot per shard; set harmony_slots_per_shard or use all-validators");
        }
        if (shards is null || slots is null || harmony is null || timing is null || rotation is null || sync is null) return null;
        return new NetworkSpec
        {
            Shards = (int)shards,
            SlotsPerShard = (int)slots,
            HarmonySlotsPerShard = (int)harmony,
            HarmonyVoteShare = quorumKind == QuorumMode.ByVotingPower ? share : null,
            Quorum = quorumKind,
            BlocksPerEpoch = (ulong)(blocksPerEpoch ?? 32_768),
            BlockTime = blockTime ?? TimeSpan.FromSeconds(2),
            SignatureScheme = scheme ?? SignatureSchemeKind.Simulated,
            ViewChangeLeaders = leadersKind,
            LeaderRotation = rotation,
            Timing = timing,
            Propagation = propagation ?? PropagationKind.Direct,
            Sync = sync,
        };
    }

    private LeaderRotationSpec? ReadLeaderRotation(Fields m)
    {
        var node = m.Value("leader_rotation");
        if (node is null) return LeaderRotationSpec.None;
        var path = m.PathOf("leader_rotation");
        var text = Scalar(node, path, "none, mainnet or a number of blocks per leader");
        if (text is null) return null;
        if (text == "none") return LeaderRotationSpec.None;
        if (text == "mainnet") return LeaderRotationSpec.Mainnet;
        if (text.Length > 0 && char.IsAsciiDigit(text[0]))
        {
            if (ScenarioValues.TryParseInteger(text, out var blocks) is { } problem) return Fail<LeaderRotationSpec>(node, path, problem);
            if (blocks is < 1 or > 1_000_000) return Fail<LeaderRotationSpec>(node, path, $"must be between 1 and 1000000 blocks per leader, got {blocks}");
            return LeaderRotationSpec.After((int)blocks);
        }
        return Fail<LeaderRotationSpec>(node, path, $"expected none, mainnet or a number of blocks per leader, got '{Echo(text)}'{Suggest(text, ["none", "mainnet"])}");
    }

    private TimingSpec? ReadTiming(Fields m)
    {
        var defaults = new TimingSpec();
        var phase = Time(m, "phase_timeout", TimeSpan.FromMilliseconds(1), OneDay);
        var viewChange = Time(m, "view_change_timeout", TimeSpan.FromMilliseconds(1), OneDay);
        var slot = WholeSeconds(m, "view_change_slot", Time(m, "view_change_slot", TimeSpan.FromMilliseconds(1), OneDay));
        var bootstrap = Time(m, "bootstrap_timeout", TimeSpan.FromMilliseconds(1), OneDay);
        var grace = Time(m, "commit_grace", TimeSpan.Zero, TimeSpan.FromHours(1));
        if (viewChange is not null || slot is not null)
            CheckViewChangeTiming(m, viewChange ?? defaults.ViewChangeTimeout, slot ?? defaults.ViewChangeSlot);
        return new TimingSpec
        {
            PhaseTimeout = phase ?? defaults.PhaseTimeout,
            ViewChangeTimeout = viewChange ?? defaults.ViewChangeTimeout,
            ViewChangeSlot = slot ?? defaults.ViewChangeSlot,
            BootstrapTimeout = bootstrap ?? defaults.BootstrapTimeout,
            CommitGrace = grace ?? defaults.CommitGrace,
        };
    }

    // ---------------------------------------------------------------- cohorts

    private sealed record ReadCohort(CohortSpec Spec, YamlNode Node)
    {
        /// <summary>The <c>stake_share</c> value's node, for errors of the sizing (null without one).</summary>
        public YamlNode? ShareNode { get; init; }
    }

    /// <summary>A cohort's behaviours by their file names (cohorts[].behaviour and a team's strategy).</summary>
    private static readonly (string, CohortBehaviour)[] BehaviourNames =
    [
        ("honest", CohortBehaviour.Honest), ("silent-leader", CohortBehaviour.SilentLeader), ("withhold-votes", CohortBehaviour.WithholdVotes),
        ("equivocate", CohortBehaviour.Equivocate), ("dark-from", CohortBehaviour.DarkFrom), ("double-sign-from", CohortBehaviour.DoubleSignFrom),
        ("withhold-power", CohortBehaviour.WithholdPower), ("stale-certificate-leader", CohortBehaviour.StaleCertificateLeader),
        ("forge", CohortBehaviour.Forge), ("view-change-spam", CohortBehaviour.ViewChangeSpam),
        ("delay-votes", CohortBehaviour.DelayVotes), ("censor", CohortBehaviour.Censor),
    ];

    /// <summary>A behaviour's file name (what <c>cohorts[].behaviour</c> and a team's strategy call it).</summary>
    public static string BehaviourName(CohortBehaviour behaviour) => BehaviourNames.First(b => b.Item2 == behaviour).Item1;

    private ImmutableArray<ReadCohort>? ReadCohorts(Fields top, NetworkSpec? network, LatencySpec? latency, DurationSpec? duration, bool electing)
    {
        var list = List(top, "cohorts", required: true);
        if (list is null) return null;
        if (list.Children.Count == 0) return Fail<ImmutableArray<ReadCohort>?>(list, "cohorts", "must name at least one cohort");
        var result = ImmutableArray.CreateBuilder<ReadCohort>();
        var ok = true;
        var names = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        var allNamed = true;
        for (var i = 0; i < list.Children.Count; i++)
        {
            var node = list.Children[i];
            var m = Map(node, $"cohorts[{i}]", "cohorts[]");
            if (m is null) { ok = false; allNamed = false; continue; }
            var name = Text(m, "name", required: true);
            if (name is null) allNamed = false;
            else
            {
                if (!IsCohortName(name)) { Error(m.Value("name")!, m.PathOf("name"), $"must be letters, digits, '-' and '_', starting with a letter or digit, at most 64 characters; got '{Echo(name)}'"); name = null; allNamed = false; }
                else if (names.TryGetValue(name, out var first)) { Error(m.Value("name")!, m.PathOf("name"), $"'{name}' is already the name of the cohort at line {first.Start.Line}"); name = null; }
                else names[name] = m.Value("name")!;
            }
            var validators = Int(m, "validators", 1, 100_000, required: true);
            var keys = Int(m, "keys_per_node", 1, 1_000);
            var harmonyOperated = Bool(m, "harmony_operated");
            var stakeShare = Share(m, "stake_share");
            var stakeOk = ReadStake(m, network, harmonyOperated ?? false, out var stake, sized: m.Has("stake_share"));
            // With elections each external node is a validator whose self-stake must reach Harmony's MinSelfDelegation.
            if (stakeOk && electing && stake is not null && stake.Min * (keys ?? 1) < MinSelfDelegationOne)
            {
                Error(m.Value("stake")!, m.PathOf("stake"),
                    $"gives a validator {stake.Min * (keys ?? 1)} ONE of self-stake (stake × keys_per_node), below the 10,000 ONE minimum self-delegation (§4.2)");
                stakeOk = false;
            }
            var region = Text(m, "region");
            if (region is not null && latency is not null && latency.RegionIndex(region) < 0)
            {
                Error(m.Value("region")!, m.PathOf("region"), $"unknown region '{Echo(region)}'{Suggest(region, latency.Regions)}; latency.regions are {string.Join(", ", latency.Regions)}");
                region = null;
            }
            var behaviour = Enum(m, "behaviour", BehaviourNames);
            var (activeFrom, activeUntil, activeOk) = ActiveWindow(m, behaviour, duration);
            var (censored, censorShare, censorOk) = ReadCensor(m, behaviour);
            var darkFrom = BehaviourStart(m, "dark_from", behaviour, CohortBehaviour.DarkFrom, "dark-from", "go dark", "the time the cohort goes dark", duration);
            var doubleSignFrom = BehaviourStart(m, "double_sign_from", behaviour, CohortBehaviour.DoubleSignFrom, "double-sign-from",
                "double sign", "the time the cohort starts signing conflicting blocks", duration);
            var joinsAt = Time(m, "joins_at", TimeSpan.Zero, ScenarioValues.MaxDuration);
            if (joinsAt is not null && !electing)
            {
                Error(m.Value("joins_at")!, m.PathOf("joins_at"), "is only used with a staking section (validators register with a CreateValidator transaction)");
                joinsAt = null;
            }
            else if (joinsAt is not null && harmonyOperated == true)
            {
                Error(m.Value("joins_at")!, m.PathOf("joins_at"), "Harmony-operated keys are not registered validators; give joins_at to an external cohort");
                joinsAt = null;
            }
            else if (joinsAt is { } join && duration is { Kind: DurationKind.Time, Time: { } runEnd } && join >= runEnd)
            {
                Error(m.Value("joins_at")!, m.PathOf("joins_at"), $"is at or after the end of the run (duration.time is {Seconds(runEnd)}), so the cohort would never join");
                joinsAt = null;
            }
            var pinned = Int(m, "shard", 0, 63);
            if (pinned is { } pin && network is not null && pin >= network.Shards)
            {
                Error(m.Value("shard")!, m.PathOf("shard"), $"shard {pin} does not exist; network.shards is {network.Shards} (shards 0–{network.Shards - 1})");
                pinned = null;
            }
            var slashable = true;
            if (behaviour == CohortBehaviour.DoubleSignFrom && harmonyOperated == true)
            {
                Error(m.Value("behaviour")!, m.PathOf("behaviour"),
                    "double-sign-from needs stake to slash, and a Harmony-operated cohort has none; give the behaviour to an external cohort");
                slashable = false;
            }

            if (name is null || validators is null || !stakeOk || latency is null || m.Value("region") is not null && region is null
                || m.Has("behaviour") && behaviour is null || m.Has("keys_per_node") && keys is null || m.Has("harmony_operated") && harmonyOperated is null
                || behaviour == CohortBehaviour.DarkFrom && darkFrom is null || behaviour == CohortBehaviour.DoubleSignFrom && doubleSignFrom is null || !slashable
                || m.Has("shard") && pinned is null || m.Has("joins_at") && joinsAt is null || !activeOk || m.Has("stake_share") && stakeShare is null || !censorOk)
            {
                ok = false;
                continue;
            }
            result.Add(new ReadCohort(new CohortSpec
            {
                Name = name,
                Validators = (int)validators,
                KeysPerNode = (int)(keys ?? 1),
                HarmonyOperated = harmonyOperated ?? false,
                StakePerKey = stake,
                Region = region ?? latency.Regions[0],
                Behaviour = behaviour ?? CohortBehaviour.Honest,
                DarkFrom = behaviour == CohortBehaviour.DarkFrom ? darkFrom : null,
                DoubleSignFrom = behaviour == CohortBehaviour.DoubleSignFrom ? doubleSignFrom : null,
                Shard = (int?)pinned,
                JoinsAt = joinsAt,
                ActiveFrom = activeFrom,
                ActiveUntil = activeUntil,
                StakeShare = stakeShare,
                Censor = censored,
                CensorShare = censorShare,
            }, node) { ShareNode = m.Value("stake_share") });
        }
        // Faults and checks can name cohorts even when some cohort has other errors, as long as every cohort has a name.
        if (allNamed) knownCohorts = [.. names.Keys];
        if (!ok) return null;

        // The slot rule: Harmony-operated cohorts fill the Harmony slots of every shard exactly, external cohorts
        // the remaining slots exactly (keys = validators × keys_per_node) — or, where elections decide who sits
        // (a staking section), at least fill them: the election seats the top bids and the rest wait as candidates.
        if (network is not null)
        {
            var harmonyKeys = result.Where(c => c.Spec.HarmonyOperated).Sum(c => (long)c.Spec.Keys);
            var externalKeys = result.Where(c => !c.Spec.HarmonyOperated).Sum(c => (long)c.Spec.Keys);
            var harmonyNeeded = (long)network.HarmonySlotsPerShard * network.Shards;
            var externalNeeded = (long)network.ExternalSlotsPerShard * network.Shards;
            if (harmonyKeys != harmonyNeeded)
                Error(list, "cohorts", $"Harmony-operated cohorts hold {harmonyKeys} keys but the network has {harmonyNeeded} Harmony-operated slots " +
                    $"({network.Shards} shards × {network.HarmonySlotsPerShard}); cohorts must fill the slots exactly");
            if (electing ? externalKeys < externalNeeded : externalKeys != externalNeeded)
                Error(list, "cohorts", $"external (not Harmony-operated) cohorts hold {externalKeys} keys but the network has {externalNeeded} external slots " +
                    $"({network.Shards} shards × {network.ExternalSlotsPerShard}); cohorts must fill the slots " + (electing ? "at least (the election seats the top bids)" : "exactly"));
        }
        return result.ToImmutable();
    }

    /// <summary>
    /// Reads the start time of a timed behaviour (<c>dark_from</c>, <c>double_sign_from</c>): required with the
    /// behaviour <paramref name="takes"/>, refused with any other, before the end of a time-bounded run.
    /// </summary>
    private TimeSpan? BehaviourStart(Fields m, string key, CohortBehaviour? behaviour, CohortBehaviour takes, string behaviourName,
        string never, string meaning, DurationSpec? duration)
    {
        var start = Time(m, key, TimeSpan.Zero, ScenarioValues.MaxDuration);
        if (start is { } t && duration is { Kind: DurationKind.Time, Time: { } end } && t >= end)
        {
            Error(m.Value(key)!, m.PathOf(key), $"is at or after the end of the run (duration.time is {Seconds(end)}), so the cohort would never {never}");
            start = null;
        }
        if (behaviour == takes && !m.Has(key))
            Error(m.Value("behaviour")!, m.PathOf(key), $"is required with behaviour: {behaviourName} ({meaning})");
        // A misspelt behaviour has its own error; the time is then not refused as well.
        if (behaviour != takes && !(m.Has("behaviour") && behaviour is null) && m.Value(key) is { } node)
            Error(node, m.PathOf(key), $"is only used with behaviour: {behaviourName}");
        return start;
    }

    private static bool IsCohortName(string s) =>
        s.Length is > 0 and <= 64 && char.IsAsciiLetterOrDigit(s[0]) && s.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <summary>Reads <c>stake</c>: false after an error; otherwise true, with <paramref name="stake"/> null for a cohort without stake.</summary>
    /// <summary>Harmony's minimum self-delegation (reference §4.2), in ONE.</summary>
    private const decimal MinSelfDelegationOne = 10_000m;

    private bool ReadStake(Fields m, NetworkSpec? network, bool harmonyOperated, out StakeSpec? stake, bool sized = false)
    {
        stake = null;
        var node = m.Value("stake");
        var path = m.PathOf("stake");
        // A cohort sized by stake_share gets its stake from the sizing (ScenarioReader.StakeShare.cs).
        if (sized && node is not null) return Refuse(node, path, "is computed from stake_share; give one of stake and stake_share");
        if (node is null)
        {
            if (!harmonyOperated && !sized && network is { Quorum: QuorumMode.ByVotingPower })
            {
                Error(m.Node, path, "is required for an external cohort with quorum: stake (stake per key in ONE, or min and max)");
                return false;
            }
            return true;
        }
        if (harmonyOperated) return Refuse(node, path, "must not be given for a Harmony-operated cohort (Harmony keys have no stake)");
        if (node is YamlMappingNode)
        {
            var r = Map(node, path, "cohorts[].stake");
            if (r is null) return false;
            var min = Amount(r, "min", required: true);
            var max = Amount(r, "max", required: true);
            if (min is null || max is null) return false;
            if (min <= 0) return Refuse(r.Value("min")!, r.PathOf("min"), "must be more than 0 ONE");
            if (max < min) return Refuse(r.Value("max")!, r.PathOf("max"), $"must be at least min ({min} ONE), got {max}");
            stake = StakeSpec.Range(min.Value, max.Value);
            return true;
        }
        var text = Scalar(node, path, "an amount of ONE, or a mapping with min and max");
        if (text is null) return false;
        if (ScenarioValues.TryParseAmount(text, out var amount) is { } problem) return Refuse(node, path, problem);
        if (amount <= 0) return Refuse(node, path, "must be more than 0 ONE");
        stake = StakeSpec.Fixed(amount);
        return true;
    }

    private bool Refuse(YamlNode node, string path, string message)
    {
        Error(node, path, message);
        return false;
    }

    // ---------------------------------------------------------------- latency

    private LatencySpec? ReadLatency(Fields m)
    {
        var ok = true;
        ImmutableArray<string> regions = LatencySpec.DefaultRegions;
        var regionList = List(m, "regions");
        if (regionList is not null)
        {
            var names = ImmutableArray.CreateBuilder<string>();
            for (var i = 0; i < regionList.Children.Count; i++)
            {
                var text = Scalar(regionList.Children[i], $"latency.regions[{i}]", "a region name");
                if (text is null) { ok = false; continue; }
                if (!IsCohortName(text)) { Error(regionList.Children[i], $"latency.regions[{i}]", $"must be letters, digits, '-' and '_'; got '{Echo(text)}'"); ok = false; }
                else if (names.Contains(text)) { Error(regionList.Children[i], $"latency.regions[{i}]", $"'{text}' is listed twice"); ok = false; }
                else names.Add(text);
            }
            if (regionList.Children.Count is 0 or > 32) { Error(regionList, "latency.regions", $"must name between 1 and 32 regions, got {regionList.Children.Count}"); ok = false; }
            regions = names.ToImmutable();
        }
        else if (m.Has("regions")) ok = false;

        ImmutableArray<ImmutableArray<double>>? matrix = null;
        var rows = List(m, "one_way_ms");
        if (rows is not null && ok)
        {
            if (rows.Children.Count != regions.Length)
            {
                Error(rows, "latency.one_way_ms", $"has {rows.Children.Count} rows but latency.regions names {regions.Length} regions{(regionList is null ? " (the default regions)" : "")}; the matrix must be {regions.Length}×{regions.Length}");
                ok = false;
            }
            var built = ImmutableArray.CreateBuilder<ImmutableArray<double>>();
            for (var i = 0; i < rows.Children.Count; i++)
            {
                var rowPath = $"latency.one_way_ms[{i}]";
                if (rows.Children[i] is not YamlSequenceNode row) { Error(rows.Children[i], rowPath, $"expected a list of {regions.Length} latencies in ms, got {Describe(rows.Children[i])}"); ok = false; continue; }
                if (row.Children.Count != regions.Length)
                {
                    Error(row, rowPath, $"has {row.Children.Count} columns but latency.regions names {regions.Length} regions; the matrix must be {regions.Length}×{regions.Length}");
                    ok = false;
                }
                var values = ImmutableArray.CreateBuilder<double>();
                for (var j = 0; j < row.Children.Count; j++)
                {
                    var cellPath = $"{rowPath}[{j}]";
                    var text = Scalar(row.Children[j], cellPath, "a latency in ms");
                    if (text is null) { ok = false; continue; }
                    if (ScenarioValues.TryParseNumber(text, out var ms) is not null || ms > 60_000)
                    {
                        Error(row.Children[j], cellPath, $"expected a one-way latency in ms between 0 and 60000 (a plain number, e.g. 40.5), got '{Echo(text)}'");
                        ok = false;
                        continue;
                    }
                    values.Add((double)ms);
                }
                built.Add(values.ToImmutable());
            }
            matrix = built.ToImmutable();
        }
        else if (m.Has("one_way_ms")) ok = false;
        else if (ok && regionList is not null)
        {
            var unknown = regions.Where(r => !LatencySpec.DefaultRegions.Contains(r)).ToList();
            if (unknown.Count > 0)
            {
                Error(m.Node, "latency.one_way_ms", $"is required because region{(unknown.Count > 1 ? "s" : "")} {string.Join(", ", unknown.Select(u => $"'{u}'"))} " +
                    $"{(unknown.Count > 1 ? "have" : "has")} no default figures (the defaults cover {string.Join(", ", LatencySpec.DefaultRegions)})");
                ok = false;
            }
            else
            {
                var index = regions.Select(r => LatencySpec.DefaultRegions.IndexOf(r)).ToArray();
                matrix = index.Select(i => index.Select(j => LatencySpec.DefaultOneWayMs[i][j]).ToImmutableArray()).ToImmutableArray();
            }
        }

        var jitter = Time(m, "jitter", TimeSpan.Zero, TimeSpan.FromSeconds(60));
        var loss = Share(m, "loss");
        if (loss is >= 1) { Error(m.Value("loss")!, "latency.loss", $"must be below 100% (every message lost), got {loss:0.##}"); ok = false; }
        decimal? bandwidth = null;
        if (m.Value("bandwidth_mbps") is { } bwNode)
        {
            var text = Scalar(bwNode, "latency.bandwidth_mbps", "a bandwidth in Mbit/s");
            if (text is null) ok = false;
            // At least 1 kbit/s: below that a block's transfer time overflows the simulator's clock.
            else if (ScenarioValues.TryParseNumber(text, out var bw) is not null || bw < 0.001m || bw > 1_000_000)
            {
                Error(bwNode, "latency.bandwidth_mbps", $"expected a bandwidth in Mbit/s from 0.001 to 1000000 (a plain number), got '{ScenarioValues.Echo(text)}'");
                ok = false;
            }
            else bandwidth = bw;
        }
        if (!ok || m.Has("jitter") && jitter is null || m.Has("loss") && loss is null) return null;
        return new LatencySpec
        {
            Regions = regions,
            OneWayMs = matrix ?? LatencySpec.DefaultOneWayMs,
            Jitter = jitter ?? TimeSpan.Zero,
            Loss = loss ?? 0,
            BandwidthMbps = bandwidth,
        };
    }

    // ---------------------------------------------------------------- duration

    private static readonly string[] DurationKinds = ["time", "blocks", "epochs"];

    private DurationSpec? ReadDuration(Fields m)
    {
        var given = DurationKinds.Where(m.Has).ToList();
        if (given.Count != 1)
        {
            Error(m.Node, "duration", given.Count == 0
                ? "give one of time, blocks or epochs"
                : $"give exactly one of time, blocks or epochs; got {string.Join(" and ", given)}");
            return null;
        }
        return given[0] switch
        {
            "time" => Time(m, "time", TimeSpan.FromMilliseconds(1), ScenarioValues.MaxDuration) is { } t ? DurationSpec.ForTime(t) : null,
            "blocks" => Int(m, "blocks", 1, 1_000_000_000) is { } b ? DurationSpec.ForBlocks((ulong)b) : null,
            _ => Int(m, "epochs", 1, 1_000_000) is { } e ? DurationSpec.ForEpochs((ulong)e) : null,
        };
    }

    // ---------------------------------------------------------------- helpers shared by sections

    private T? Section<T>(Fields parent, string key, bool required, Func<Fields, T?> read) where T : class
    {
        var node = parent.Value(key);
        if (node is null)
        {
            if (required) Error(parent.Node, parent.PathOf(key), "is required");
            return null;
        }
        var section = parent.Section.Length == 0 ? key : $"{parent.Section}.{key}";
        var m = Map(node, parent.PathOf(key), section);
        return m is null ? null : read(m);
    }

    private static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        YamlScalarNode s when IsNull(s) => "nothing",
        YamlScalarNode s => $"'{Echo(s.Value!)}'",
        _ => "something else",
    };

    /// <summary>A value from the file as errors quote it, cut short (<see cref="ScenarioValues.Echo"/>).</summary>
    private static string Echo(string text) => ScenarioValues.Echo(text);

    private static bool IsNull(YamlScalarNode s) =>
        s.Style == ScalarStyle.Plain && (string.IsNullOrEmpty(s.Value) || s.Value is "~" or "null" or "Null" or "NULL");

    private void Error(YamlNode node, string path, string message) =>
        errors.Add(new ScenarioError(file, Math.Max(1, (int)node.Start.Line), Math.Max(1, (int)node.Start.Column), path.Length == 0 ? "(top)" : path, message));

    private T? Fail<T>(YamlNode node, string path, string message)
    {
        Error(node, path, message);
        return default;
    }

    /// <summary>" (did you mean 'x'?)" for the closest candidate within a small edit distance, or "".</summary>
    internal static string Suggest(string given, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            // The distance is at least the difference in length; skipping hopeless candidates keeps a huge value from
            // costing its length times every candidate's.
            if (Math.Abs(given.Length - candidate.Length) > Math.Max(2, candidate.Length / 3)) continue;
            var d = EditDistance(given.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (d < bestDistance) { bestDistance = d; best = candidate; }
        }
        return best is not null && bestDistance <= Math.Max(2, best.Length / 3) ? $" (did you mean '{best}'?)" : "";
    }

    private static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
