namespace HarmonySim.Simulation.Results;

/// <summary>A block as the shard first saw it finalised by an honest node.</summary>

public sealed record CommitRecord(
    ulong Height,
    string Hash,
    ulong ViewId,
    TimeSpan ProposedAt,
    TimeSpan CommittedAt,
    int Signers,
    bool SignatureVerified,
    int LeaderNode)
{
    /// <summary>Share (0–1) of the committee's voting power in the commit's signer bitmap: stake-weighted in a staking
    /// run, one equal share per key otherwise. The signer count alone hides a missing large validator.</summary>
    public double SigningPower { get; init; }

    /// <summary>When the leader broadcast PREPARED for this block's view (the end of the prepare phase), if seen.</summary>
    public TimeSpan? PreparedAt { get; init; }
}

/// <summary>One line of the canonical event log (events.jsonl): a time, a shard, a kind and its fields in a fixed order.</summary>

public sealed record LoggedEvent(
    TimeSpan At,
    int Shard,
    string Kind,
    IReadOnlyList<KeyValuePair<string, string>> Fields);


/// <summary>A shard's totals at the end of a run; its commits, view changes and log lines come as <see cref="ShardRecords"/>.</summary>
public sealed record ShardResult(
    int Shard,
    ulong Height,
    long Blocks,
    int ViewChanges,
    IReadOnlyDictionary<string, long> MessagesByType,
    long Deliveries,
    long SignaturesVerified,
    IReadOnlyList<string> SafetyViolations,
    string DeliveryTraceHash,
    int Validators,
    int Keys,
    StakingRunResult? Staking = null,
    TransferRunResult? Transfers = null)
{
    /// <summary>
    /// View changes started: distinct (height, view) pairs an honest node at the shard's next height started a view
    /// change for. <see cref="ViewChanges"/> counts the completed ones (an honest node entered the new view).
    /// </summary>
    public int ViewChangesStarted { get; init; }

    /// <summary>Virtual time from each first start of a view change to the next completed view change or canonical block.</summary>
    public TimeSpan TimeViewChanging { get; init; }

    /// <summary>How the shard's consensus messages travelled (delays, bytes, copies; the mesh under gossip).</summary>
    public PropagationResult? Propagation { get; init; }

    /// <summary>The shard's syncs and its restarted nodes' time to sign again (null when there was neither).</summary>
    public SyncResult? Sync { get; init; }

    /// <summary>Load transactions submitted to the shard's pool and not yet in a canonical block at the end (a load run).</summary>
    public int LoadPending { get; init; }

    /// <summary>
    /// Delivered messages honest nodes refused, by verdict name (bad_signature, no_quorum, stale, duplicate, …): forged
    /// and malformed messages are counted here, beside the ordinary late and duplicate ones.
    /// </summary>
    public IReadOnlyDictionary<string, long> Rejected { get; init; } = new SortedDictionary<string, long>(StringComparer.Ordinal);

    /// <summary>What censoring leaders left out of their blocks and how late it got in (a run with a censor), else null.</summary>
    public CensorshipResult? Censorship { get; init; }
}


/// <summary>A finished run: the virtual time it reached and each shard's record.</summary>
public sealed record RunResult(TimeSpan SimulatedTime, IReadOnlyList<ShardResult> Shards);

/// <summary>
/// A shard's censorship (game of stakes): distinct transactions censoring leaders left out of blocks they built,
/// omissions in all (one transaction left out by several blocks counts each time), how many of them a canonical block
/// included later, and the mean and longest wait in virtual seconds from the first omission to that block's proposal.
/// </summary>
public sealed record CensorshipResult(int CensoredTransactions, long Omissions, int IncludedLater, double MeanExtraLatencyS, double MaxExtraLatencyS);
