namespace HarmonySim.Grains.Interfaces.Runs;

/// <summary>
/// A run's value transfers (from the scenario's transfers section): genesis-funded accounts, each on one shard's
/// transfer ledger, and transfers scripted at virtual times. Keys derive from the seed and the account name.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record TransfersPlan(
    [property: Id(0)] IReadOnlyList<TransferAccountPlan> Accounts,
    [property: Id(1)] IReadOnlyList<ScriptedTransferPlan> Scripted);

/// <summary>An account: its name, the shard whose ledger holds it, and its genesis balance in ONE.</summary>
[GenerateSerializer, Immutable]
public sealed record TransferAccountPlan([property: Id(0)] string Name, [property: Id(1)] int Shard, [property: Id(2)] decimal Balance);

/// <summary>A transfer of <paramref name="Amount"/> ONE submitted at <paramref name="At"/>; cross-shard when the accounts' shards differ.</summary>
[GenerateSerializer, Immutable]
public sealed record ScriptedTransferPlan([property: Id(0)] TimeSpan At, [property: Id(1)] string From, [property: Id(2)] string To, [property: Id(3)] decimal Amount);

/// <summary>
/// One shard's transfers over a run, from its canonical chain: what was submitted on it, committed (applied on the
/// source) and rejected; the incoming proofs it credited; the receipts it emitted per source block and destination;
/// the latency of each same-shard transfer (submission to source commit) and each credited cross-shard receipt
/// (submission to destination credit); and its ledger's totals at the end (atto-ONE, decimal strings).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record TransferRunResult(
    [property: Id(0)] int Submitted,
    [property: Id(1)] int Committed,
    [property: Id(2)] int Rejected,
    [property: Id(3)] IReadOnlyList<ProofCredit> Credited,
    [property: Id(4)] IReadOnlyList<ProofEmitted> Emitted,
    [property: Id(5)] IReadOnlyList<TimeSpan> SameShardLatencies,
    [property: Id(6)] IReadOnlyList<TimeSpan> CrossShardLatencies,
    [property: Id(7)] string GenesisBalance,
    [property: Id(8)] string Balance,
    [property: Id(9)] string OutgoingTotal,
    [property: Id(10)] string IncomingTotal);

/// <summary>A destination block credited the proof of source block <paramref name="BlockHash"/>'s receipts: how many and how much.</summary>
[GenerateSerializer, Immutable]
public sealed record ProofCredit(
    [property: Id(0)] int SourceShard,
    [property: Id(1)] string BlockHash,
    [property: Id(2)] int Receipts,
    [property: Id(3)] string Amount,
    [property: Id(4)] ulong CreditedAtHeight);

/// <summary>A source block emitted receipts to shard <paramref name="ToShard"/>: how many and how much.</summary>
[GenerateSerializer, Immutable]
public sealed record ProofEmitted(
    [property: Id(0)] int ToShard,
    [property: Id(1)] string BlockHash,
    [property: Id(2)] int Receipts,
    [property: Id(3)] string Amount);
