using System.Collections.Immutable;

namespace HarmonySim.Silo.Scenarios.Model;

/// <summary>
/// A scenario as loaded from a YAML file in <c>scenarios/</c> (docs/SCENARIOS.md): every optional field of the
/// file has been filled in with its documented default, and the whole has passed validation, so a runtime can
/// act on it without checking it again. Times are virtual time from the start of the run.
/// </summary>
public sealed record Scenario
{
    /// <summary>Short name used in run folder names; defaults to the file name without extension.</summary>
    public string Name { get; init; } = "";

    /// <summary>One line saying what the scenario shows (listed by <c>harmonysim scenarios</c>).</summary>
    public string Description { get; init; } = "";

    /// <summary>Root of every random draw in the run (default 1); <c>harmonysim run --seed</c> overrides it.</summary>
    public ulong Seed { get; init; } = 1;

    public NetworkSpec Network { get; init; } = new();

    /// <summary>Groups of validators; together they fill every slot of every shard exactly.</summary>
    public ImmutableArray<CohortSpec> Cohorts { get; init; } = [];

    public LatencySpec Latency { get; init; } = LatencySpec.Default;

    /// <summary>Faults in the order of the file (not necessarily sorted by time).</summary>
    public ImmutableArray<FaultSpec> Faults { get; init; } = [];

    public DurationSpec Duration { get; init; } = DurationSpec.ForTime(TimeSpan.FromSeconds(60));

    public ChecksSpec Checks { get; init; } = new();

    public CostModelSpec Cost { get; init; } = new();

    /// <summary>Epochs with elections, rewards and slashing; null keeps every committee fixed for the whole run.</summary>
    public StakingSpec? Staking { get; init; }

    /// <summary>Accounts and scripted value transfers (same-shard and cross-shard); null for none. Only with <see cref="Staking"/>.</summary>
    public TransfersSpec? Transfers { get; init; }

    /// <summary>Open-loop transaction load (sources, block gas limit, mempool); null for none.</summary>
    public LoadSpec? Load { get; init; }

    /// <summary>An eclipse on the gossip overlay (issue 14); null for none.</summary>
    public EclipseSpec? Eclipse { get; init; }

    /// <summary>A testnet config's funded accounts (<c>harmonysim testnet</c>); null in a scenario.</summary>
    public System.Collections.Immutable.ImmutableArray<GenesisAccountSpec>? Genesis { get; init; }

    /// <summary>A testnet config's faucet (<c>hmy_faucet</c>); null for none.</summary>
    public FaucetSpec? Faucet { get; init; }

    /// <summary>Whether this is a testnet config (it has genesis accounts) rather than a scenario to run.</summary>
    public bool IsTestnet => Genesis is not null;

    /// <summary>Game-of-stakes teams (empty without a <c>teams:</c> section); their strategies are already in the cohorts.</summary>
    public ImmutableArray<TeamSpec> Teams { get; init; } = [];

    /// <summary>Total validator nodes over all cohorts.</summary>
    public int ValidatorCount => Cohorts.Sum(c => c.Validators);

    /// <summary>Total BLS keys over all cohorts (equals shards × slots per shard).</summary>
    public int KeyCount => Cohorts.Sum(c => c.Validators * c.KeysPerNode);

    public CohortSpec? FindCohort(string name) => Cohorts.FirstOrDefault(c => c.Name == name);
}
