namespace HarmonySim.Simulation.Plans;

/// <summary>
/// A run's value transfers (from the scenario's transfers section): genesis-funded accounts, each on one shard's
/// transfer ledger, and transfers scripted at virtual times. Keys derive from the seed and the account name.
/// </summary>
public sealed record TransfersPlan(
    IReadOnlyList<TransferAccountPlan> Accounts,
    IReadOnlyList<ScriptedTransferPlan> Scripted);

/// <summary>An account: its name, the shard whose ledger holds it, and its genesis balance in ONE.</summary>

public sealed record TransferAccountPlan(string Name, int Shard, decimal Balance);

/// <summary>A transfer of <paramref name="Amount"/> ONE submitted at <paramref name="At"/>; cross-shard when the accounts' shards differ.</summary>

public sealed record ScriptedTransferPlan(TimeSpan At, string From, string To, decimal Amount);

/// <summary>
/// One shard's transfers over a run, from its canonical chain: what was submitted on it, committed (applied on the
/// source) and rejected; the incoming proofs it credited; the receipts it emitted per source block and destination;
/// the latency of each same-shard transfer (submission to source commit) and each credited cross-shard receipt
/// (submission to destination credit); and its ledger's totals at the end (atto-ONE, decimal strings).
/// </summary>
public sealed record TransferRunResult(
    int Submitted,
    int Committed,
    int Rejected,
    IReadOnlyList<ProofCredit> Credited,
    IReadOnlyList<ProofEmitted> Emitted,
    IReadOnlyList<TimeSpan> SameShardLatencies,
    IReadOnlyList<TimeSpan> CrossShardLatencies,
    string GenesisBalance,
    string Balance,
    string OutgoingTotal,
    string IncomingTotal)
{
    /// <summary>Fees the shard's ledger burned (atto-ONE, a decimal string).</summary>
    public string BurnedFees { get; init; } = "0";

    /// <summary>What outside staking transactions moved from a testnet beacon's ledger into the staking state (atto-ONE); absent when nothing did.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? Staked { get; init; }
}

/// <summary>A destination block credited the proof of source block <paramref name="BlockHash"/>'s receipts: how many and how much.</summary>

public sealed record ProofCredit(
    int SourceShard,
    string BlockHash,
    int Receipts,
    string Amount,
    ulong CreditedAtHeight);

/// <summary>A source block emitted receipts to shard <paramref name="ToShard"/>: how many and how much.</summary>

public sealed record ProofEmitted(
    int ToShard,
    string BlockHash,
    int Receipts,
    string Amount);
