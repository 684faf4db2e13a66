using HarmonySim.Grains.Interfaces.Runs;
using HarmonySim.Simulation.Plans;
using HarmonySim.Simulation.Results;
using HarmonySim.Simulation.Runs;
using HarmonySim.Silo.Scenarios.Model;
using HarmonySim.Silo.Scenarios;

using HarmonySim.Protocol.Consensus.Quorum;

using HarmonySim.Protocol.Crypto;

namespace HarmonySim.Silo.Runs;

/// <summary>
/// Turns a validated scenario into a run plan: places every cohort's nodes in shards, draws stakes from the seed,
/// resolves fault targets to nodes and splits timed faults into their start and end. Parts of a scenario the
/// runtime cannot carry out yet are refused with a message naming them, before anything runs.
/// </summary>
public static class RunPlanBuilder
{
    /// <summary>The longest virtual time a run may last: a century (TimeSpan itself ends after 29,000 years).</summary>
    private static readonly TimeSpan MaxDuration = TimeSpan.FromDays(36_525);

    /// <summary>
    /// The most keys a run may hold: ten per slot of the largest network the loader accepts (64 shards × 25,000
    /// slots). Without elections every key fills a slot (at most 1.6 million); with them, candidates beyond the slots
    /// are bounded only by the number of cohorts, and this cap keeps node ids, key counts and per-shard tallies
    /// (all int) far from overflow and the plan itself (one record per node) to a few GiB at most.
    /// </summary>
    public const long MaxKeys = 16_000_000;

    public static RunPlan Build(Scenario scenario, string runId, ulong? seedOverride = null)
    {
        var seed = seedOverride ?? scenario.Seed;
        var unsupported = Unsupported(scenario).ToList();
        if (unsupported.Count > 0) throw new ScenarioNotRunnableException(unsupported);
        CheckSize(scenario);

        var network = scenario.Network;
        var nodes = PlaceNodes(scenario, seed);
        var blockTime = network.BlockTime;
        var duration = scenario.Duration.Kind == DurationKind.Time ? scenario.Duration.Time!.Value : Cap(scenario);
        var consensus = new ConsensusPlan(network.Shards, network.SignatureScheme, network.Quorum,
            network.HarmonyVoteShare ?? (network.HarmonySlotsPerShard == network.SlotsPerShard ? 1m : 0m),
            new TimingPlan(blockTime, network.Timing.PhaseTimeout, network.Timing.ViewChangeTimeout, network.Timing.ViewChangeSlot,
                network.Timing.BootstrapTimeout, network.BlocksPerEpoch, network.ViewChangeLeaders == ViewChangeLeadersKind.AllValidators,
                network.LeaderRotation.Kind == LeaderRotationKind.FixedBlocks ? network.LeaderRotation.Blocks : null,
                network.LeaderRotation.Kind == LeaderRotationKind.Mainnet, network.Timing.CommitGrace));
        var latency = new LatencyPlan([.. scenario.Latency.Regions], [.. scenario.Latency.OneWayMs.Select(r => (IReadOnlyList<double>)[.. r])],
            scenario.Latency.Jitter, (double)scenario.Latency.Loss, scenario.Latency.BandwidthMbps is { } b ? (double)b : null);
        var length = new RunLength(duration,
            StopAtHeight: scenario.Duration.Kind == DurationKind.Blocks ? scenario.Duration.Count : null,
            StopAtEpoch: scenario.Duration.Kind == DurationKind.Epochs ? scenario.Duration.Count : null);
        var plan = new RunPlan(runId, scenario.Name, seed, consensus, nodes, latency, length)
        {
            Faults = Faults(scenario, nodes),
            Teams = [.. scenario.Teams.Select(t => new TeamPlan(t.Name, t.Budget, t.Cohorts, t.Strategy, [.. t.Active.Select(w => new TeamWindow(w.From, w.Until))]))],
            Adversaries = Adversaries(scenario),
            Propagation = new PropagationPlan(scenario.Network.Propagation)
            {
                Eclipses = scenario.Eclipse is { } e
                    ? [new EclipsePlan(e.At, [.. nodes.Where(n => e.Victims.Contains(n.Cohort)).Select(n => n.Id)], [.. nodes.Where(n => e.Attackers.Contains(n.Cohort)).Select(n => n.Id)], (double)e.TableShare)]
                    : [],
            },
            Sync = scenario.Network.Sync,
            Cost = Cost(scenario.Cost),
            Staking = Staking(scenario, nodes),
            Load = LoadPlanBuilder.Build(scenario.Load, duration),
            Testnet = scenario.Genesis is { } genesis ? Testnet(scenario, genesis) : null,
            Checks = new ChecksPlan
            {
                LivenessMaxGap = scenario.Checks.LivenessMaxGap,
                ExpectedOutages = [.. scenario.Checks.ExpectedOutages.Select(w => new OutageWindow(w.From, w.To))],
                ExpectedSlashedCohorts = [.. scenario.Checks.ExpectedSlashes],
                ExpectedJailedCohorts = [.. scenario.Checks.ExpectedJails],
                VotingPowerBounds = [.. scenario.Checks.MaxShardVotingPower.Select(b => new VotingPowerBound(b.Cohort, b.Above, b.Below))],
            },
        };
        return scenario.Transfers is not { } t ? plan : plan with
        {
            Transfers = new TransfersPlan([.. t.Accounts.Select(a => new TransferAccountPlan(a.Name, a.Shard, a.Balance))],
                [.. t.Scripted.Select(s => new ScriptedTransferPlan(s.At, s.From, s.To, s.Amount))]),
        };
    }

    /// <summary>The staking rules, with each scripted (un)delegation expanded to one transaction per validator of the target cohort.</summary>
    private static StakingPlan? Staking(Scenario scenario, List<NodePlan> nodes)
    {
        if (scenario.Staking is not { } s) return null;
        var actions = new List<StakingActionPlan>();
        foreach (var t in s.Transactions)
        {
            var type = t.Kind switch
            {
                StakingActionKind.Delegate => StakingActionType.Delegate,
                StakingActionKind.Undelegate => StakingActionType.Undelegate,
                StakingActionKind.Activate => StakingActionType.Activate,
                _ => StakingActionType.CollectRewards,
            };
            if (type == StakingActionType.CollectRewards) actions.Add(new StakingActionPlan(t.At, type, t.From, null, 0));
            else if (type == StakingActionType.Activate) actions.AddRange(nodes.Where(n => n.Cohort == t.From).Select(n => new StakingActionPlan(t.At, type, "", n.Id, 0)));
            else actions.AddRange(nodes.Where(n => n.Cohort == t.To).Select(n => new StakingActionPlan(t.At, type, t.From, n.Id, t.Amount)));
        }
        return new StakingPlan(s.Resharding == ReshardingKind.Randomness, scenario.Network.SlotsPerShard, scenario.Network.HarmonySlotsPerShard,
            s.EffectiveStakeBound, s.SlotsLimit, s.BlockReward, s.SlashRule == SlashRuleKind.Rule2020, s.CommissionRate,
            [.. s.Delegators.Select(d => new DelegatorPlan(d.Name, d.Balance))], actions, s.VdfDifficulty, s.CuckooEvictions,
            s.Issuance is { } i ? new IssuancePlan([.. i.Eras.Select(e => new RewardEraPlan(e.FromEpoch, e.PerBlock, e.DaoShare))], i.AnnualInflation, i.DaoShare) : null);
    }

    /// <summary>The CPU cost model, or none when the scenario charges nothing.</summary>
    private static CostPlan? Cost(CostModelSpec cost) =>
        cost.Sign is null && cost.Verify is null && cost.AggregateVerify is null && cost.BlockValidation is null && cost.TransactionExecution is null ? null
            : new CostPlan(cost.Sign ?? TimeSpan.Zero, cost.Verify ?? TimeSpan.Zero, cost.AggregateVerify ?? TimeSpan.Zero, cost.BlockValidation ?? TimeSpan.Zero)
            {
                TransactionExecution = cost.TransactionExecution ?? TimeSpan.Zero,
            };

    private static IEnumerable<string> Unsupported(Scenario scenario)
    {
        if (scenario.Duration.Kind == DurationKind.Epochs && scenario.Staking is null)
            yield return "duration.epochs: epochs end with elections, which need a staking section; use duration.time or duration.blocks";
        if (scenario.Staking is null && (scenario.Checks.ExpectedSlashes.Length > 0 || scenario.Checks.ExpectedJails.Length > 0))
            yield return "checks.expected_slashes / checks.expected_jails: slashing and jailing happen only in a run with a staking section";
        if (scenario.Staking is null && scenario.Checks.MaxShardVotingPower.Length > 0)
            yield return "checks.max_shard_voting_power: voting power per epoch comes from elections, which need a staking section";
        if (scenario.Staking is not null && scenario.Network.HarmonySlotsPerShard == 0)
            yield return "network.harmony_slots_per_shard: a staking run needs at least one Harmony-operated slot per shard, so no shard's committee can be empty";
    }

    /// <summary>
    /// Counts the keys in long before anything multiplies or sums them in int (<see cref="Scenario.KeyCount"/>, the
    /// placement's free-slot tallies, node ids): each cohort's validators × keys_per_node is at most 100,000 × 1,000,
    /// which fits int, but the number of cohorts is unbounded.
    /// </summary>
    private static void CheckSize(Scenario scenario)
    {
        var keys = scenario.Cohorts.Sum(c => (long)c.Validators * c.KeysPerNode);
        if (keys > MaxKeys)
            throw new ScenarioNotRunnableException([string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"cohorts: {keys:N0} keys in all (validators × keys_per_node over the cohorts); at most {MaxKeys:N0}, ten per slot of the largest network")]);
    }

    /// <summary>
    /// A run measured in blocks or epochs lasts until it reaches them, capped at ten times the time they take at the
    /// block time (plus ten minutes) so a stalled network still ends; a count whose cap passes a century is refused.
    /// </summary>
    private static TimeSpan Cap(Scenario scenario)
    {
        // In decimal: at most 10^6 epochs × 10^9 blocks per epoch × 3,600 s × 10 ≈ 3.6·10^19, far inside decimal's 7.9·10^28.
        var blocks = (decimal)scenario.Duration.Count!.Value * (scenario.Duration.Kind == DurationKind.Blocks ? 1 : scenario.Network.BlocksPerEpoch);
        var seconds = (decimal)scenario.Network.BlockTime.TotalSeconds * blocks * 10 + 600;
        if (seconds > (decimal)MaxDuration.TotalSeconds)
        {
            var field = scenario.Duration.Kind == DurationKind.Blocks ? "duration.blocks" : "duration.epochs";
            throw new ScenarioNotRunnableException([string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{field}: {scenario.Duration.Count} at {scenario.Network.BlockTime.TotalSeconds:0.###} s blocks needs a cap of {seconds / 31_557_600m:0.#} years of virtual time; at most a century")]);
        }
        return TimeSpan.FromSeconds((double)seconds);
    }

    /// <summary>Every cohort with a behaviour other than honest, with its window and team, for the per-adversary verdicts.</summary>
    private static List<AdversaryPlan> Adversaries(Scenario scenario) =>
        [.. scenario.Cohorts.Where(c => c.Behaviour != CohortBehaviour.Honest).Select(c => new AdversaryPlan(
            c.Name, ScenarioReader.BehaviourName(c.Behaviour), c.DoubleSignFrom ?? c.DarkFrom ?? c.ActiveFrom ?? TimeSpan.Zero, c.ActiveUntil,
            scenario.Teams.FirstOrDefault(t => t.Cohorts.Contains(c.Name))?.Name))];

    /// <summary>
    /// Places each node (all of its keys) in one shard: Harmony-operated nodes fill each shard's Harmony slots, the
    /// others its external slots, each node going to the shard with the most free slots of its kind (lowest id on
    /// ties), cohorts in file order. Stakes in a range are drawn uniformly from the seed.
    /// </summary>
    private static List<NodePlan> PlaceNodes(Scenario scenario, ulong seed)
    {
        var network = scenario.Network;
        var harmonyFree = Enumerable.Repeat(network.HarmonySlotsPerShard, network.Shards).ToArray();
        var externalFree = Enumerable.Repeat(network.ExternalSlotsPerShard, network.Shards).ToArray();
        var random = RunSeeds.Placement(seed);
        // Cohorts pinned to a shard take their slots there first, so the others fill what is left.
        foreach (var cohort in scenario.Cohorts.Where(c => c.Shard is not null))
        {
            var free = cohort.HarmonyOperated ? harmonyFree : externalFree;
            var shard = cohort.Shard!.Value;
            if (free[shard] < cohort.Keys && (scenario.Staking is null || cohort.HarmonyOperated))
                throw new ScenarioNotRunnableException([$"cohorts.{cohort.Name}.shard: its {cohort.Keys} keys do not fit the {free[shard]} free {(cohort.HarmonyOperated ? "Harmony" : "external")} slots of shard {shard}"]);
            free[shard] -= cohort.Keys;
        }
        // Free-slot tallies start at ≤ 25,000 and lose at most MaxKeys (CheckSize): they stay inside int even when
        // electing candidates drive them below zero.
        var nodes = new List<NodePlan>();
        foreach (var cohort in scenario.Cohorts)
        {
            var region = Math.Max(0, scenario.Latency.RegionIndex(cohort.Region));
            for (var v = 0; v < cohort.Validators; v++)
            {
                var free = cohort.HarmonyOperated ? harmonyFree : externalFree;
                var shard = cohort.Shard ?? Enumerable.Range(0, free.Length).OrderByDescending(s => free[s]).ThenBy(s => s).First();
                // With elections, candidates beyond the slots are placed like the others (they sit when they win).
                var electing = scenario.Staking is not null && !cohort.HarmonyOperated;
                if (cohort.Shard is null && free[shard] < cohort.KeysPerNode && !electing)
                    throw new ScenarioNotRunnableException([$"cohorts.{cohort.Name}: its {cohort.KeysPerNode}-key nodes do not fit the free {(cohort.HarmonyOperated ? "Harmony" : "external")} slots of any shard"]);
                if (cohort.Shard is null) free[shard] -= cohort.KeysPerNode;
                // Stakes are at most 10^11 ONE (the loader's bound), so min + (max − min) × [0, 1) stays far inside decimal.
                decimal? stake = cohort.HarmonyOperated || cohort.StakePerKey is null ? null
                    : cohort.StakePerKey.IsFixed ? cohort.StakePerKey.Min
                    : Math.Round(cohort.StakePerKey.Min + (cohort.StakePerKey.Max - cohort.StakePerKey.Min) * (decimal)random.NextDouble(), 6);
                var behaviour = cohort.Behaviour switch
                {
                    CohortBehaviour.SilentLeader => NodeBehaviour.SilentLeader,
                    CohortBehaviour.WithholdVotes => NodeBehaviour.WithholdVotes,
                    CohortBehaviour.Equivocate => NodeBehaviour.Equivocate,
                    CohortBehaviour.DoubleSignFrom => NodeBehaviour.DoubleSign,
                    CohortBehaviour.WithholdPower => NodeBehaviour.WithholdPower,
                    CohortBehaviour.StaleCertificateLeader => NodeBehaviour.StaleCertificateLeader,
                    CohortBehaviour.Forge => NodeBehaviour.Forge,
                    CohortBehaviour.ViewChangeSpam => NodeBehaviour.ViewChangeSpam,
                    CohortBehaviour.DelayVotes => NodeBehaviour.DelayVotes,
                    CohortBehaviour.Censor => NodeBehaviour.Censor,
                    _ => NodeBehaviour.Honest,
                };
                nodes.Add(new NodePlan(nodes.Count, shard, cohort.Name, cohort.KeysPerNode, stake, region, behaviour, cohort.DoubleSignFrom ?? cohort.ActiveFrom, cohort.JoinsAt)
                {
                    BehaviourUntil = cohort.ActiveUntil,
                    Censor = behaviour == NodeBehaviour.Censor ? new CensorPlan([.. cohort.Censor], (double)cohort.CensorShare) : null,
                });
            }
        }
        return nodes;
    }

    private static List<FaultPlan> Faults(Scenario scenario, List<NodePlan> nodes)
    {
        var faults = new List<FaultPlan>();
        int[] Targets(IEnumerable<FaultTarget> targets) =>
            [.. nodes.Where(n => targets.Any(t => t.Cohort == n.Cohort || t.Shard == n.Shard)).Select(n => n.Id)];

        // A cohort that goes dark is a crash that never ends.
        foreach (var cohort in scenario.Cohorts.Where(c => c.Behaviour == CohortBehaviour.DarkFrom))
            faults.Add(new FaultPlan(cohort.DarkFrom!.Value, FaultKind.Crash, [.. nodes.Where(n => n.Cohort == cohort.Name).Select(n => n.Id)], null, null, []));

        // A timed fault's end (FaultSpec.Until = at + duration) is at most twice the loader's longest duration
        // (2 × 100,000 h), far inside TimeSpan.
        var runEnd = scenario.Duration is { Kind: DurationKind.Time, Time: { } last } ? last : (TimeSpan?)null;
        foreach (var f in scenario.Faults.SelectMany(spec => spec.Starts(runEnd).Select(start => spec with { At = start })))
        {
            switch (f.Kind)
            {
                case FaultKind.Crash:
                    faults.Add(new FaultPlan(f.At, FaultKind.Crash, Targets(f.Targets), null, null, []));
                    if (f.Until is { } restart) faults.Add(new FaultPlan(restart, FaultKind.Restart, Targets(f.Targets), null, null, []));
                    break;
                case FaultKind.Restart:
                    faults.Add(new FaultPlan(f.At, FaultKind.Restart, Targets(f.Targets), null, null, []));
                    break;
                case FaultKind.Partition or FaultKind.OverlayPartition:
                    var groups = f.Groups.Select(g => (IReadOnlyList<int>)[.. nodes.Where(n => g.Contains(n.Cohort)).Select(n => n.Id)]).ToList();
                    faults.Add(new FaultPlan(f.At, f.Kind, [], null, f.Duration, groups));
                    if (f.Until is { } heal)
                        faults.Add(new FaultPlan(heal, f.Kind == FaultKind.Partition ? FaultKind.EndPartition : FaultKind.EndOverlayPartition, [], null, null, []));
                    break;
                case FaultKind.Heal:
                    faults.Add(new FaultPlan(f.At, FaultKind.Heal, [], null, null, []));
                    break;
                case FaultKind.IsolateLeader:
                    foreach (var shard in f.Targets.Where(t => t.Shard is not null).Select(t => t.Shard!.Value))
                        faults.Add(new FaultPlan(f.At, FaultKind.IsolateLeader, [], shard, f.Duration, []));
                    break;
                case FaultKind.IsolateNextLeaders:
                    foreach (var shard in f.Targets.Where(t => t.Shard is not null).Select(t => t.Shard!.Value))
                        faults.Add(new FaultPlan(f.At, FaultKind.IsolateNextLeaders, [], shard, f.Duration, []) { Count = f.Count ?? 1 });
                    break;
                case FaultKind.SlowLink:
                    faults.Add(new FaultPlan(f.At, FaultKind.SlowLink, Targets(f.Targets), null, f.Duration, [], f.ExtraDelay));
                    if (f.Until is { } end) faults.Add(new FaultPlan(end, FaultKind.EndSlowLink, Targets(f.Targets), null, null, []));
                    break;
            }
        }
        return faults;
    }

    /// <summary>A testnet's plan: the config's genesis grants, then the faucet's balance on every shard.</summary>
    private static TestnetPlan Testnet(Scenario scenario, IReadOnlyList<GenesisAccountSpec> genesis)
    {
        var grants = genesis.Select(g => new GenesisGrantPlan(g.Address, g.Shard, g.Balance)).ToList();
        if (scenario.Faucet is not { } f) return new TestnetPlan(grants);
        var faucet = Simulation.Testnet.FaucetAccount.Of(scenario.Seed).ToString();
        for (var s = 0; s < scenario.Network.Shards; s++) grants.Add(new GenesisGrantPlan(faucet, s, f.Balance));
        return new TestnetPlan(grants) { Faucet = new FaucetPlan(f.Balance, f.Amount, f.MaxAmount, f.Interval) };
    }
}

/// <summary>A valid scenario that asks for something the runtime cannot do yet; each reason names the field.</summary>
public sealed class ScenarioNotRunnableException(IReadOnlyList<string> reasons)
    : Exception("the scenario cannot run: " + string.Join("; ", reasons))
{
    public IReadOnlyList<string> Reasons { get; } = reasons;
}
