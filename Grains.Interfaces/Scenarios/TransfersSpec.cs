using System.Collections.Immutable;

namespace HarmonySim.Grains.Interfaces.Scenarios;

/// <summary>An account for transfers, genesis-funded on one shard's transfer ledger; its key derives from the seed and the name.</summary>
[GenerateSerializer, Immutable]
public sealed record TransferAccountSpec
{
    [Id(0)] public string Name { get; init; } = "";

    /// <summary>The shard whose ledger holds the account.</summary>
    [Id(1)] public int Shard { get; init; }

    /// <summary>Genesis balance in ONE.</summary>
    [Id(2)] public decimal Balance { get; init; }
}

/// <summary>A transfer submitted at a virtual time; cross-shard when the two accounts are on different shards.</summary>
[GenerateSerializer, Immutable]
public sealed record ScriptedTransferSpec
{
    [Id(0)] public TimeSpan At { get; init; }

    [Id(1)] public string From { get; init; } = "";

    [Id(2)] public string To { get; init; } = "";

    /// <summary>ONE.</summary>
    [Id(3)] public decimal Amount { get; init; }
}

/// <summary>
/// The transfers section: accounts on the shards' transfer ledgers and transfers scripted over virtual time (docs/CROSS-SHARD.md).
/// Needs a staking section (receipt proofs are checked against the committees the beacon elects).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record TransfersSpec
{
    [Id(0)] public ImmutableArray<TransferAccountSpec> Accounts { get; init; } = [];

    /// <summary>In the order of the file.</summary>
    [Id(1)] public ImmutableArray<ScriptedTransferSpec> Scripted { get; init; } = [];
}
