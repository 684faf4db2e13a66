using System.Collections.Frozen;

namespace HarmonySim.Silo.Scenarios;

/// <summary>
/// Every field a scenario file may contain, by section. The loader rejects any other key with these lists and
/// reads only keys listed here (reading an unlisted key is a programming error it reports by throwing), so the
/// lists are exactly what the loader accepts; a test keeps <c>scenarios/scenario.schema.json</c> in step with them.
/// Section paths use <c>[]</c> for "each element of a list".
/// </summary>
public static class ScenarioFields
{
    public static readonly FrozenDictionary<string, string[]> Sections = new Dictionary<string, string[]>
    {
        [""] = ["name", "description", "seed", "network", "cohorts", "latency", "faults", "duration", "checks", "cost", "staking", "transfers"],
        ["network"] = ["shards", "slots_per_shard", "harmony_slots_per_shard", "harmony_vote_share", "quorum", "blocks_per_epoch",
            "block_time", "signature_scheme", "view_change_leaders", "leader_rotation", "timing"],
        ["network.timing"] = ["phase_timeout", "view_change_timeout", "view_change_slot", "bootstrap_timeout", "commit_grace"],
        ["cohorts[]"] = ["name", "validators", "keys_per_node", "harmony_operated", "stake", "region", "behaviour", "dark_from", "shard", "joins_at", "double_sign_from"],
        ["cohorts[].stake"] = ["min", "max"],
        ["latency"] = ["regions", "one_way_ms", "jitter", "loss", "bandwidth_mbps"],
        ["faults[]"] = ["at", "kind", "targets", "duration", "groups", "extra_delay"],
        ["duration"] = ["time", "blocks", "epochs"],
        ["checks"] = ["liveness_max_gap", "expected_outages", "expected_slashes", "expected_jails", "max_shard_voting_power"],
        ["checks.max_shard_voting_power[]"] = ["cohort", "above", "below"],
        ["checks.expected_outages[]"] = ["from", "to"],
        ["cost"] = ["sign", "verify", "aggregate_verify", "block_validation"],
        ["staking"] = ["resharding", "effective_stake_bound", "slots_limit", "block_reward", "slash_rule", "commission_rate", "vdf_difficulty", "cuckoo_evictions",
            "delegators", "transactions"],
        ["staking.delegators[]"] = ["name", "balance"],
        ["staking.transactions[]"] = ["at", "kind", "from", "to", "amount"],
        ["transfers"] = ["accounts", "scripted"],
        ["transfers.accounts[]"] = ["name", "shard", "balance"],
        ["transfers.scripted[]"] = ["at", "from", "to", "amount"],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Every accepted field as a full path, e.g. <c>network.timing.phase_timeout</c>, <c>cohorts[].stake.min</c>.</summary>
    public static IReadOnlySet<string> AllPaths { get; } =
        Sections.SelectMany(s => s.Value.Select(f => s.Key.Length == 0 ? f : $"{s.Key}.{f}")).ToFrozenSet(StringComparer.Ordinal);
}
