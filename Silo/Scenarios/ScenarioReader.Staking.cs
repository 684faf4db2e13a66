using System.Collections.Immutable;
using HarmonySim.Silo.Scenarios.Model;
using YamlDotNet.RepresentationModel;

using HarmonySim.Protocol.Consensus.Quorum;

namespace HarmonySim.Silo.Scenarios;

internal sealed partial class ScenarioReader
{
    // ---------------------------------------------------------------- staking

    private static readonly (string, StakingActionKind)[] StakingActionKinds =
    [
        ("delegate", StakingActionKind.Delegate), ("undelegate", StakingActionKind.Undelegate), ("collect-rewards", StakingActionKind.CollectRewards),
        ("activate", StakingActionKind.Activate),
    ];

    private StakingSpec? ReadStaking(Fields m, NetworkSpec? network, ImmutableArray<ReadCohort>? cohorts, DurationSpec? duration)
    {
        var errorsBefore = errors.Count;
        if (network is { Quorum: QuorumMode.ByCount })
            Error(m.Node, "staking", "needs network.quorum: stake (elections, rewards and slashing weigh validators by stake), but network.quorum is count");
        var defaults = new StakingSpec();
        var resharding = Enum(m, "resharding", [("harmony", ReshardingKind.Harmony), ("randomness", ReshardingKind.Randomness)]);
        var bound = Share(m, "effective_stake_bound");
        var slotsLimit = Int(m, "slots_limit", 0, MaxSlotsPerShard);
        var reward = Amount(m, "block_reward");
        var slashRule = Enum(m, "slash_rule", [("current", SlashRuleKind.Current), ("2020", SlashRuleKind.Rule2020)]);
        var commission = Share(m, "commission_rate");
        var vdf = Int(m, "vdf_difficulty", 1, 10_000_000);
        var cuckoo = Int(m, "cuckoo_evictions", 0, 1_000);
        if (cuckoo is not null && resharding != ReshardingKind.Randomness)
            Error(m.Value("cuckoo_evictions")!, m.PathOf("cuckoo_evictions"), "is only used with resharding: randomness (the key-mod rule moves no one)");
        var issuance = Section(m, "issuance", required: false, ReadIssuance);
        if (issuance is not null && m.Value("block_reward") is { } rewardNode)
            Error(rewardNode, m.PathOf("block_reward"), "is replaced by staking.issuance; set the reward in one of them");
        var delegators = ReadDelegators(m, out var knownDelegators);
        var transactions = ReadStakingTransactions(m, knownDelegators, cohorts, duration);
        if (errors.Count > errorsBefore || delegators is null || transactions is null || m.Has("issuance") && issuance is null) return null;
        return new StakingSpec
        {
            Resharding = resharding ?? defaults.Resharding,
            EffectiveStakeBound = bound ?? defaults.EffectiveStakeBound,
            SlotsLimit = (int?)slotsLimit,
            BlockReward = reward ?? defaults.BlockReward,
            SlashRule = slashRule ?? defaults.SlashRule,
            CommissionRate = commission ?? defaults.CommissionRate,
            VdfDifficulty = (int)(vdf ?? defaults.VdfDifficulty),
            CuckooEvictions = (int?)cuckoo,
            Delegators = delegators.Value,
            Transactions = transactions.Value,
            Issuance = issuance,
        };
    }

    /// <summary>Reads <c>staking.delegators</c>; <paramref name="known"/> gets every delegator name when all of them could be read, else null.</summary>
    private ImmutableArray<DelegatorSpec>? ReadDelegators(Fields m, out List<string>? known)
    {
        known = [];
        if (!m.Has("delegators")) return [];
        var list = List(m, "delegators");
        if (list is null) { known = null; return null; }
        var result = ImmutableArray.CreateBuilder<DelegatorSpec>();
        var names = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        var ok = true;
        var allNamed = true;
        for (var i = 0; i < list.Children.Count; i++)
        {
            var d = Map(list.Children[i], $"staking.delegators[{i}]", "staking.delegators[]");
            if (d is null) { ok = false; allNamed = false; continue; }
            var name = Text(d, "name", required: true);
            if (name is null) allNamed = false;
            else if (!IsCohortName(name))
            {
                Error(d.Value("name")!, d.PathOf("name"), $"must be letters, digits, '-' and '_', starting with a letter or digit, at most 64 characters; got '{Echo(name)}'");
                name = null;
                allNamed = false;
            }
            else if (names.TryGetValue(name, out var first))
            {
                Error(d.Value("name")!, d.PathOf("name"), $"'{name}' is already the name of the delegator at line {first.Start.Line}");
                name = null;
            }
            else names[name] = d.Value("name")!;
            var balance = Amount(d, "balance", required: true);
            if (balance == 0) { Error(d.Value("balance")!, d.PathOf("balance"), "must be more than 0 ONE"); balance = null; }
            if (name is null || balance is null) { ok = false; continue; }
            result.Add(new DelegatorSpec { Name = name, Balance = balance.Value });
        }
        known = allNamed ? [.. names.Keys] : null;
        return ok ? result.ToImmutable() : null;
    }

    private ImmutableArray<StakingActionSpec>? ReadStakingTransactions(Fields m, List<string>? delegators, ImmutableArray<ReadCohort>? cohorts, DurationSpec? duration)
    {
        if (!m.Has("transactions")) return [];
        var list = List(m, "transactions");
        if (list is null) return null;
        var result = ImmutableArray.CreateBuilder<StakingActionSpec>();
        var ok = true;
        for (var i = 0; i < list.Children.Count; i++)
        {
            var t = Map(list.Children[i], $"staking.transactions[{i}]", "staking.transactions[]");
            var action = t is null ? null : ReadStakingTransaction(t, delegators, cohorts, duration);
            if (action is null) ok = false;
            else result.Add(action);
        }
        return ok ? result.ToImmutable() : null;
    }

    private StakingActionSpec? ReadStakingTransaction(Fields m, List<string>? delegators, ImmutableArray<ReadCohort>? cohorts, DurationSpec? duration)
    {
        var errorsBefore = errors.Count;
        var at = Time(m, "at", TimeSpan.Zero, ScenarioValues.MaxDuration, required: true);
        if (at is { } t && duration is { Kind: DurationKind.Time, Time: { } end } && t >= end)
            Error(m.Value("at")!, m.PathOf("at"), $"is at or after the end of the run (duration.time is {Seconds(end)}), so the transaction would never be sent");
        var kind = Enum(m, "kind", StakingActionKinds, required: true);

        var from = Text(m, "from", required: true);
        if (kind == StakingActionKind.Activate)
        {
            // The validators of a cohort send it themselves (EditValidator back to Active, e.g. after being jailed).
            if (from is not null && CheckCohort(m.Value("from")!, m.PathOf("from"), from)
                && cohorts?.FirstOrDefault(c => c.Spec.Name == from) is { Spec.HarmonyOperated: true })
                Error(m.Value("from")!, m.PathOf("from"), $"cohort '{from}' is Harmony-operated; it has no validators to re-activate, so name an external cohort");
        }
        else if (from is not null && delegators is not null && !delegators.Contains(from))
            Error(m.Value("from")!, m.PathOf("from"), delegators.Count == 0
                ? $"unknown delegator '{Echo(from)}'; staking.delegators names none"
                : $"unknown delegator '{Echo(from)}'{Suggest(from, delegators)}; delegators are {string.Join(", ", delegators)}");

        var to = Text(m, "to");
        if (to is not null && CheckCohort(m.Value("to")!, m.PathOf("to"), to)
            && cohorts?.FirstOrDefault(c => c.Spec.Name == to) is { Spec.HarmonyOperated: true })
            Error(m.Value("to")!, m.PathOf("to"), $"cohort '{to}' is Harmony-operated; its keys have no validator to delegate to, so name an external cohort");

        var amount = Amount(m, "amount");
        if (amount == 0 && kind is not (StakingActionKind.CollectRewards or StakingActionKind.Activate)) Error(m.Value("amount")!, m.PathOf("amount"), "must be more than 0 ONE");
        else if (amount is { } a && a < 1_000m && kind == StakingActionKind.Delegate)
            Error(m.Value("amount")!, m.PathOf("amount"), $"is below the 1,000 ONE minimum delegation (§4.2; 100 ONE only from epoch 631), got {a}");

        if (kind is { } k)
        {
            var kindName = StakingActionKinds.First(x => x.Item2 == k).Item1;
            if (k is StakingActionKind.CollectRewards or StakingActionKind.Activate)
            {
                foreach (var key in new[] { "to", "amount" })
                    if (m.Value(key) is { } node)
                        Error(node, m.PathOf(key), k == StakingActionKind.Activate
                            ? $"is not used by kind: {kindName} (each validator of the cohort named by from re-activates itself)"
                            : $"is not used by kind: {kindName} (a delegator collects its rewards from every validator at once)");
            }
            else
            {
                if (!m.Has("to")) Error(m.Node, m.PathOf("to"), $"is required for kind: {kindName} (the cohort whose validators receive it)");
                if (!m.Has("amount")) Error(m.Node, m.PathOf("amount"), $"is required for kind: {kindName} (ONE per validator of the cohort)");
            }
        }
        if (errors.Count > errorsBefore || at is null || kind is null || from is null) return null;
        return new StakingActionSpec
        {
            At = at.Value,
            Kind = kind.Value,
            From = from,
            To = kind is StakingActionKind.CollectRewards or StakingActionKind.Activate ? "" : to ?? "",
            Amount = kind is StakingActionKind.CollectRewards or StakingActionKind.Activate ? 0 : amount ?? 0,
        };
    }
}
