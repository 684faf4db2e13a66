using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using HarmonySim.Simulation.Runs;
using HarmonySim.Simulation.Staking;
using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Chain.Receipts;
using HarmonySim.Protocol.Chain.Transactions;
using HarmonySim.Protocol.Consensus;
using HarmonySim.Protocol.Crypto;
using HarmonySim.Protocol.Crypto.Accounts;
using HarmonySim.Protocol.Sharding;
using HarmonySim.Protocol.State;

namespace HarmonySim.Simulation.Transfers;

/// <summary>
/// A transfer run's shared, deterministic setup and memo, rebuilt identically by every silo from the plan: the
/// accounts (keys from the seed and the name) funded on their shards' genesis ledgers, the scripted transfers
/// signed in submission order, and every shard's transfer state after each block, by block hash, so every node of
/// a silo that validates a block reuses it. Works for the beacon chain too: its transfer ledger is a separate book
/// from its staking state (a scripted delegator's staking balance and an account's transfer balance never mix), except
/// that a testnet wallet's staking transaction spends its deposit from this ledger (<see cref="ShardLedger.Deposit"/>).
/// </summary>
/// <remarks>
/// Incoming proofs are verified against the committees the block's own chain knows (genesis, then the shard state
/// of every epoch-end block among its ancestors), not against one node's view: the memo is shared by the silo's
/// nodes, so a block's outcome must depend on the block and its ancestry only. A node learns exactly these
/// committees from its chain (<see cref="EpochCommittees"/>), so the two agree for the blocks it commits.
/// </remarks>
public sealed class TransferWorld
{
    private readonly ConcurrentDictionary<Hash32, TransferOutcome> _outcomes = new();
    private readonly Dictionary<Hash32, (TimeSpan At, int Index)> _byHash = [];
    // Per shard, the blocks remembered in the memo with their heights, oldest first, so a shard can forget old ones.
    private readonly ConcurrentQueue<(ulong Height, Hash32 Hash)>[] _remembered;

    /// <param name="load">The load sources' accounts, funded on their home shards' genesis ledgers.</param>
    public TransferWorld(RunPlan plan, ulong chainId, IChainCommittees genesisCommittees, IReadOnlyList<Load.LoadAccounts> load)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(load);
        var t = plan.Transfers ?? new TransfersPlan([], []);
        ChainId = chainId;
        Load = load;
        AcceptsSimulatedSignatures = plan.Load?.Signing == TransactionSigning.Simulated;
        BlockGasLimit = plan.Load?.BlockGasLimit ?? LoadPlan.MainnetBlockGasLimit;
        Keys = t.Accounts.ToDictionary(a => a.Name, a => RunSeeds.Account(plan.Seed, "account", a.Name), StringComparer.Ordinal);
        ShardOf = t.Accounts.ToDictionary(a => a.Name, a => a.Shard, StringComparer.Ordinal);
        var genesis = Enumerable.Range(0, plan.Shards)
            .Select(s => ShardLedger.Genesis((uint)s, (uint)plan.Shards, chainId, AcceptsSimulatedSignatures)).ToArray();
        // Every shard's grants in the order the accounts are declared: scripted accounts, then each load source's.
        var grants = Enumerable.Range(0, plan.Shards).Select(_ => new List<(Address, BigInteger)>()).ToArray();
        foreach (var a in t.Accounts) grants[a.Shard].Add((AddressOf(a.Name), ToAtto(a.Balance)));
        foreach (var accounts in load)
        {
            var funding = ToAtto(accounts.Source.Accounts.Funding);
            for (var i = 0; i < accounts.Count; i++) grants[accounts.HomeShard[i]].Add((accounts.Addresses[i], funding));
        }
        foreach (var g in plan.Testnet?.Genesis ?? []) grants[g.Shard].Add((new Address(Convert.FromHexString(g.Address.AsSpan(2))), ToAtto(g.Balance)));
        for (var s = 0; s < plan.Shards; s++) genesis[s] = genesis[s].Fund(grants[s]);
        GenesisLedgers = genesis;
        GenesisTotal = genesis.Aggregate(BigInteger.Zero, (sum, l) => sum + l.TotalBalance);
        GenesisCommittees = genesisCommittees;
        _remembered = [.. Enumerable.Range(0, plan.Shards).Select(_ => new ConcurrentQueue<(ulong, Hash32)>())];

        var nonces = new Dictionary<string, ulong>(StringComparer.Ordinal);
        var scripted = new List<ScriptedTransfer>();
        foreach (var (s, index) in t.Scripted.Select((s, i) => (s, i)).OrderBy(x => x.s.At).ThenBy(x => x.i))
        {
            var nonce = nonces.GetValueOrDefault(s.From);
            nonces[s.From] = nonce + 1;
            var message = new Transfer(AddressOf(s.From), AddressOf(s.To), (uint)ShardOf[s.From], (uint)ShardOf[s.To], ToAtto(s.Amount), nonce);
            var signed = SignedTransfer.Sign(message, Keys[s.From], chainId);
            _byHash[signed.Hash] = (s.At, scripted.Count);
            scripted.Add(new ScriptedTransfer(s.At, signed));
        }
        Scripted = scripted;
        ScriptedOn = [.. Enumerable.Range(0, plan.Shards).Select(s => (IReadOnlyList<ScriptedTransfer>)[.. scripted.Where(x => x.Transfer.Message.ShardId == s)])];
    }

    /// <summary>The gas a block may use; each transfer uses <see cref="Transfer.IntrinsicGas"/>.</summary>
    public ulong BlockGasLimit { get; }

    /// <summary>The load sources' accounts (empty without a load section).</summary>
    public IReadOnlyList<Load.LoadAccounts> Load { get; }

    /// <summary>Whether the ledgers accept the simulated transaction signatures (a load section signing that way).</summary>
    public bool AcceptsSimulatedSignatures { get; }

    public ulong ChainId { get; }
    public IReadOnlyDictionary<string, AccountKey> Keys { get; }
    public IReadOnlyDictionary<string, int> ShardOf { get; }
    public IReadOnlyList<ShardLedger> GenesisLedgers { get; }
    public BigInteger GenesisTotal { get; }
    public IChainCommittees GenesisCommittees { get; }

    /// <summary>Every scripted transfer, signed, in submission order.</summary>
    public IReadOnlyList<ScriptedTransfer> Scripted { get; }

    /// <summary>The scripted transfers sent on each shard, in submission order.</summary>
    public IReadOnlyList<IReadOnlyList<ScriptedTransfer>> ScriptedOn { get; }

    public Address AddressOf(string account) => new(Keys[account].Address);

    /// <summary>When a scripted transfer was submitted, by its transaction hash.</summary>
    public TimeSpan? SubmittedAt(Hash32 txHash) => _byHash.TryGetValue(txHash, out var x) ? x.At : null;

    /// <summary>Registers a shard's genesis block, whose transfer state is the shard's genesis ledger.</summary>
    public void SetGenesis(int shard, Hash32 genesisBlock) =>
        _outcomes.TryAdd(genesisBlock, new TransferOutcome(new TransferState(GenesisLedgers[shard], [], [], [], GenesisCommittees), null));

    /// <summary>The transfer state after a block this silo has applied, or null.</summary>
    public TransferState? After(Hash32 block) => _outcomes.GetValueOrDefault(block)?.State;

    /// <summary>Remembers the state a builder computed for the block it built.</summary>
    public void Remember(Block block, TransferState state)
    {
        ArgumentNullException.ThrowIfNull(block);
        if (_outcomes.TryAdd(block.Hash, new TransferOutcome(state, null))) Remembered(block);
    }

    /// <summary>
    /// Drops the memo's states of <paramref name="shard"/>'s blocks below <paramref name="height"/> (roughly: in the
    /// order they were remembered), which no node of the shard can still build on, so the memo does not grow with the run.
    /// </summary>
    public void Forget(int shard, ulong height)
    {
        var queue = _remembered[shard];
        while (queue.TryPeek(out var oldest) && oldest.Height < height && queue.TryDequeue(out oldest)) _outcomes.TryRemove(oldest.Hash, out _);
    }

    private void Remembered(Block block) => _remembered[(int)block.Header.ShardId].Enqueue((block.Number, block.Hash));

    /// <summary>
    /// Applies a block's transfer part on its parent's transfer state (once per silo): decodes its transactions as
    /// transfers, credits its incoming proofs, and checks the header's Root, OutgoingReceiptHash and IncomingReceiptHash.
    /// </summary>
    public TransferOutcome Apply(Block block)
    {
        ArgumentNullException.ThrowIfNull(block);
        if (_outcomes.TryGetValue(block.Hash, out var known)) return known;
        // Never remember "parent unknown": it says what this silo had computed, not what the block is.
        if (After(block.Header.ParentHash) is null) return TransferOutcome.Invalid("the parent block's transfer state is unknown");
        var computed = Compute(block);
        if (_outcomes.TryAdd(block.Hash, computed)) Remembered(block);
        return _outcomes.GetValueOrDefault(block.Hash) ?? computed;
    }

    private TransferOutcome Compute(Block block)
    {
        if (After(block.Header.ParentHash) is not { } parent) return TransferOutcome.Invalid("the parent block's transfer state is unknown");
        var decoded = BlockTransfers.Decode(block.Transactions);
        if (!decoded.Ok) return TransferOutcome.Invalid(decoded.Error!);
        var incoming = IncomingReceipts.Of(block.Body);
        var result = BlockTransfers.Apply(parent.Ledger, decoded.Value!, incoming, parent.Committees);
        if (result.Error is not null) return TransferOutcome.Invalid(result.Error);
        var ledger = result.Ledger!;
        // A testnet beacon's outside staking transactions spend from this ledger after the block's transfers.
        if (block.Body is Protocol.Staking.Beacon.BeaconBody beacon)
            foreach (var tx in beacon.Staking.Where(t => t.Harmony is not null))
            {
                if (ledger.DepositRefusal(tx.Message.Sender, tx.Nonce, tx.Deposit) is { } refusal)
                    return TransferOutcome.Invalid($"staking transaction {tx.Message.GetType().Name} from {tx.Message.Sender}: {refusal}");
                ledger = ledger.Deposit(tx.Message.Sender, tx.Nonce, tx.Deposit);
            }
        var commitments = TransferCommitments.Of(ledger, result.Outgoing, incoming);
        if (commitments.CheckAgainst(block.Header) is { } mismatch) return TransferOutcome.Invalid(mismatch);
        if (BlockGas.Check(block.Header, decoded.Value!.Count, BlockGasLimit) is { } gas) return TransferOutcome.Invalid(gas);
        return new TransferOutcome(new TransferState(ledger, result.Outgoing, decoded.Value!, incoming, parent.Committees.After(block.Header)), null);
    }

    public static BigInteger ToAtto(decimal ones) => StakingWorld.ToAtto(ones);
}

/// <summary>A scripted transfer: when it is submitted and the signed transfer.</summary>
public sealed record ScriptedTransfer(TimeSpan At, SignedTransfer Transfer);

/// <summary>A shard's transfer state after a block: its ledger, what the block applied and emitted, and the committees its chain knows.</summary>
public sealed record TransferState(
    ShardLedger Ledger,
    IReadOnlyList<CXReceipt> Outgoing,
    IReadOnlyList<SignedTransfer> Transfers,
    IReadOnlyList<CXReceiptsProof> Incoming,
    IChainCommittees Committees);

/// <summary>The transfer state after a block, or why the block's transfer part is invalid.</summary>
public sealed record TransferOutcome(TransferState? State, string? Error)
{
    public static TransferOutcome Invalid(string error) => new(null, error);
}
