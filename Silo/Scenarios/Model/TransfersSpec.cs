using System.Collections.Immutable;

namespace HarmonySim.Silo.Scenarios.Model;

/// <summary>An account for transfers, genesis-funded on one shard's transfer ledger; its key derives from the seed and the name.</summary>
public sealed record TransferAccountSpec
{
    public string Name { get; init; } = "";

    /// <summary>The shard whose ledger holds the account.</summary>
    public int Shard { get; init; }

    /// <summary>Genesis balance in ONE.</summary>
    public decimal Balance { get; init; }
}

/// <summary>A transfer submitted at a virtual time; cross-shard when the two accounts are on different shards.</summary>
public sealed record ScriptedTransferSpec
{
    public TimeSpan At { get; init; }

    public string From { get; init; } = "";

    public string To { get; init; } = "";

    /// <summary>ONE.</summary>
    public decimal Amount { get; init; }
}

/// <summary>
/// The transfers section: accounts on the shards' transfer ledgers and transfers scripted over virtual time (docs/CROSS-SHARD.md).
/// Needs a staking section (receipt proofs are checked against the committees the beacon elects).
/// </summary>
public sealed record TransfersSpec
{
    public ImmutableArray<TransferAccountSpec> Accounts { get; init; } = [];

    /// <summary>In the order of the file.</summary>
    public ImmutableArray<ScriptedTransferSpec> Scripted { get; init; } = [];
}
