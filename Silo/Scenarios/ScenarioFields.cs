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
        [""] = ["name", "description", "seed", "network", "cohorts", "latency", "faults", "duration", "checks", "cost", "staking", "transfers", "load", "eclipse", "genesis", "faucet", "teams"],
        ["teams[]"] = ["name", "budget", "cohorts", "strategy", "moves"],
        ["teams[].strategy[]"] = ["behaviour", "cohorts", "active_from", "active_until"],
        ["teams[].moves[]"] = ["at", "kind", "to", "amount", "cohort", "every", "times"],
        ["network"] = ["shards", "slots_per_shard", "harmony_slots_per_shard", "harmony_vote_share", "quorum", "blocks_per_epoch",
            "block_time", "signature_scheme", "view_change_leaders", "leader_rotation", "timing", "propagation", "sync"],
        ["network.sync"] = ["mode", "peers", "block_execution", "header_verification", "pivot_distance", "state_mb"],
        ["network.timing"] = ["phase_timeout", "view_change_timeout", "view_change_slot", "bootstrap_timeout", "commit_grace"],
        ["cohorts[]"] = ["name", "validators", "keys_per_node", "harmony_operated", "stake", "region", "behaviour", "dark_from", "shard", "joins_at", "double_sign_from", "active_from", "active_until", "stake_share", "censor", "censor_share"],
        ["cohorts[].stake"] = ["min", "max"],
        ["latency"] = ["regions", "one_way_ms", "jitter", "loss", "bandwidth_mbps"],
        ["eclipse"] = ["at", "victims", "attackers", "table_share"],
        ["genesis[]"] = ["address", "shard", "balance"],
        ["faucet"] = ["balance", "amount", "max_amount", "interval"],
        ["faults[]"] = ["at", "kind", "targets", "duration", "groups", "extra_delay", "every", "times", "count"],
        ["duration"] = ["time", "blocks", "epochs"],
        ["checks"] = ["liveness_max_gap", "expected_outages", "expected_slashes", "expected_jails", "max_shard_voting_power"],
        ["checks.max_shard_voting_power[]"] = ["cohort", "above", "below"],
        ["checks.expected_outages[]"] = ["from", "to"],
        ["cost"] = ["sign", "verify", "aggregate_verify", "block_validation", "transaction_execution"],
        ["staking"] = ["resharding", "effective_stake_bound", "slots_limit", "block_reward", "slash_rule", "commission_rate", "vdf_difficulty", "cuckoo_evictions",
            "delegators", "transactions", "issuance"],
        ["staking.issuance"] = ["annual_inflation", "dao_share", "eras"],
        ["staking.issuance.eras[]"] = ["from_epoch", "per_block", "dao_share"],
        ["staking.delegators[]"] = ["name", "balance"],
        ["staking.transactions[]"] = ["at", "kind", "from", "to", "amount"],
        ["transfers"] = ["accounts", "scripted"],
        ["transfers.accounts[]"] = ["name", "shard", "balance"],
        ["transfers.scripted[]"] = ["at", "from", "to", "amount"],
        ["load"] = ["block_gas_limit", "signing", "mempool", "saturation", "sources"],
        ["load.mempool"] = ["capacity", "min_gas_price_gwei", "price_bump"],
        ["load.saturation"] = ["p99_finality"],
        ["load.sources[]"] = ["name", "shards", "rate", "arrivals", "mix", "amount", "gas_price_gwei", "accounts"],
        // A trace's keys are times, not field names: it is read without a field list and so has no entry here.
        ["load.sources[].rate"] = ["ramp", "steps", "burst", "trace"],
        ["load.sources[].rate.ramp"] = ["from", "to", "over", "start"],
        ["load.sources[].rate.steps"] = ["from", "to", "by", "every", "start"],
        ["load.sources[].rate.burst"] = ["base", "peak", "every", "for", "start"],
        ["load.sources[].mix"] = ["cross_shard", "staking"],
        ["load.sources[].accounts"] = ["count", "funding", "hot_skew"],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Every accepted field as a full path, e.g. <c>network.timing.phase_timeout</c>, <c>cohorts[].stake.min</c>.</summary>
    public static IReadOnlySet<string> AllPaths { get; } =
        Sections.SelectMany(s => s.Value.Select(f => s.Key.Length == 0 ? f : $"{s.Key}.{f}")).ToFrozenSet(StringComparer.Ordinal);
}
