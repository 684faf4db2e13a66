using System.Numerics;
using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Chain.Transactions;
using HarmonySim.Protocol.Crypto;
using HarmonySim.Protocol.State;

namespace HarmonySim.Protocol.Mempool;

/// <summary>
/// One shard's pool of pending transfers, after Harmony's <c>core/tx_pool.go</c> (itself geth's): admission checks,
/// replacement by a price bump, eviction of the cheapest when full, and block selection by gas price across senders
/// and nonce order within a sender. Pure and deterministic: no clock, no randomness, every order total (ties broken by
/// arrival number), so the same calls give the same pool and the same blocks.
/// </summary>
/// <remarks>
/// <para>
/// Only executable transactions are modelled: a sender's pending nonces always run consecutively from its account
/// nonce, and a nonce beyond the next free one is refused (<see cref="PoolRejection.NonceGap"/>) rather than queued as
/// Harmony's "future" queue would hold it. Load generators send nonces in order, so the queue would only matter for
/// reordered gossip, which the simulation does not produce.
/// </para>
/// <para>
/// The pool trusts the caller to pass each committed ledger to <see cref="Prune"/> and the latest one as the head of
/// <see cref="Add"/>. A sender's pending transactions that the head shows already used are discarded when that sender
/// next adds, and reported by the next <see cref="Prune"/> as included.
/// </para>
/// <para>
/// Not thread-safe: one pool belongs to one node (or one grain), which calls it from one thread at a time.
/// </para>
/// </remarks>
public sealed class TxPool
{
    private readonly Dictionary<Address, SenderQueue> _senders = [];
    private readonly Dictionary<Hash32, PoolEntry> _byHash = [];
    // Each sender's last pending transaction, cheapest first: the eviction candidates.
    private readonly SortedSet<PoolEntry> _tails = new(EvictionOrder.Instance);
    private readonly List<PoolEntry> _usedBeforePrune = [];
    private readonly Func<SignedTransfer, Address?>? _recoverSender;
    private long _arrivals;

    /// <param name="shardId">The shard whose transactions the pool holds.</param>
    /// <param name="rules">Admission rules; <see cref="TxPoolRules.Harmony"/> when null.</param>
    /// <param name="recoverSender">
    /// Who signed a transaction. By default <see cref="SignedTransfer.RecoverSender"/> under the head ledger's
    /// <see cref="ShardLedger.AcceptsSimulatedSignatures"/>; a caller may pass a memoised equivalent so that one
    /// recovery per exact bytes serves every pool (it then decides about simulated signatures itself).
    /// </param>
    public TxPool(uint shardId, TxPoolRules? rules = null, Func<SignedTransfer, Address?>? recoverSender = null)
    {
        rules ??= TxPoolRules.Harmony;
        ArgumentOutOfRangeException.ThrowIfLessThan(rules.Capacity, 1, nameof(rules));
        ArgumentOutOfRangeException.ThrowIfLessThan(rules.BlockGasLimit, Transfer.IntrinsicGas, nameof(rules));
        ShardId = shardId;
        Rules = rules;
        _recoverSender = recoverSender;
    }

    public uint ShardId { get; }
    public TxPoolRules Rules { get; }

    /// <summary>How many transactions are pending.</summary>
    public int Count => _byHash.Count;

    public bool Contains(Hash32 hash) => _byHash.ContainsKey(hash);

    /// <summary><paramref name="sender"/>'s pending transactions in nonce order (a copy; empty when none).</summary>
    public IReadOnlyList<SignedTransfer> PendingOf(Address sender)
    {
        if (!_senders.TryGetValue(sender, out var queue)) return [];
        var result = new SignedTransfer[queue.Count];
        for (var i = 0; i < result.Length; i++) result[i] = queue[i].Tx;
        return result;
    }

    /// <summary>
    /// Admits <paramref name="tx"/> against <paramref name="head"/>, the latest committed ledger of the pool's shard.
    /// Cheap stateless checks run first, the signature next (before any answer that depends on state), then the
    /// sender's nonce and balance, and capacity last. A rejection leaves the pool unchanged.
    /// </summary>
    public PoolAddOutcome Add(SignedTransfer tx, ShardLedger head)
    {
        ArgumentNullException.ThrowIfNull(tx);
        CheckShard(head);
        var m = tx.Message;
        if (_byHash.ContainsKey(tx.Hash)) return PoolAddOutcome.Reject(PoolRejection.AlreadyKnown);
        if (tx.ChainId != head.ChainIdFor(tx.Format)) return PoolAddOutcome.Reject(PoolRejection.WrongChainId);
        if (m.ShardId != ShardId || m.ToShardId >= head.ShardCount) return PoolAddOutcome.Reject(PoolRejection.WrongShard);
        if (m.Amount.Sign <= 0) return PoolAddOutcome.Reject(PoolRejection.InvalidAmount);
        if (m.GasLimit < Transfer.IntrinsicGas) return PoolAddOutcome.Reject(PoolRejection.IntrinsicGasTooLow);
        if (m.GasLimit > Rules.BlockGasLimit) return PoolAddOutcome.Reject(PoolRejection.GasAboveBlockLimit);
        // A negative price is below any floor, including a floor of zero.
        if (m.GasPrice < Rules.MinGasPrice || m.GasPrice.Sign < 0) return PoolAddOutcome.Reject(PoolRejection.Underpriced);
        var signer = _recoverSender is null ? tx.RecoverSender(head.AcceptsSimulatedSignatures) : _recoverSender(tx);
        if (signer != m.From) return PoolAddOutcome.Reject(PoolRejection.BadSignature);

        var account = head.AccountOf(m.From);
        if (m.Nonce < account.Nonce) return PoolAddOutcome.Reject(PoolRejection.NonceTooLow);
        _senders.TryGetValue(m.From, out var queue);
        // Entries the head shows already used ("stale") count for nothing; they are discarded only once the add succeeds.
        var stale = queue is null || account.Nonce <= queue.FirstNonce ? 0 : (int)Math.Min(account.Nonce - queue.FirstNonce, (ulong)queue.Count);
        var live = queue is null || stale == queue.Count ? null : queue;
        var next = live is null ? account.Nonce : live.NextNonce;
        if (m.Nonce > next) return PoolAddOutcome.Reject(PoolRejection.NonceGap);
        var entry = new PoolEntry(tx, _arrivals);
        if (m.Nonce < next)
        {
            // Below the first live nonce only when the head went back behind the pool: it does not follow the pending ones.
            if (m.Nonce < live!.FirstNonce) return PoolAddOutcome.Reject(PoolRejection.NonceGap);
            return Replace(live, stale, live.IndexOf(m.Nonce), entry, account.Balance);
        }

        var spentBefore = live is null ? BigInteger.Zero : live.TotalSpend - live.SpendOfFirst(stale);
        if (spentBefore + entry.MaxCost > account.Balance) return PoolAddOutcome.Reject(PoolRejection.InsufficientBalance);
        PoolEntry? victim = null;
        if (Count - stale >= Rules.Capacity)
        {
            victim = CheapestEvictable(m.From);
            if (victim is null || victim.GasPrice >= entry.GasPrice) return PoolAddOutcome.Reject(PoolRejection.PoolFull);
        }

        if (stale > 0) DiscardUsed(queue!, stale);
        if (victim is not null) RemoveLastOf(_senders[victim.Sender]);
        Append(entry);
        return victim is null ? PoolAddOutcome.Accepted() : PoolAddOutcome.Evicting(victim.Tx);
    }

    /// <summary>
    /// The transactions for a block on <paramref name="parent"/> within <paramref name="gasLimit"/>, in block order,
    /// without changing the pool. Each sender's transactions are offered in nonce order from its nonce in
    /// <paramref name="parent"/> while its balance there carries them; across senders the best-paying offer goes first
    /// (ties: earliest arrival). A transaction goes in when its gas limit fits the gas left (as Harmony's worker
    /// reserves the limit before executing) and uses the intrinsic 21,000; a sender whose next transaction does not
    /// fit is skipped, since its later nonces could not follow.
    /// </summary>
    public IReadOnlyList<SignedTransfer> Select(ShardLedger parent, ulong gasLimit)
    {
        CheckShard(parent);
        var selected = new List<SignedTransfer>();
        if (gasLimit < Transfer.IntrinsicGas || _senders.Count == 0) return selected;
        // One cursor per sender at its first pending transaction; heapified in linear time. Accounts are looked up
        // only for senders that reach the top, so a large pool costs little more than the block it yields.
        var items = new (SelectionCursor, PoolEntry)[_senders.Count];
        var n = 0;
        foreach (var queue in _senders.Values) items[n++] = (new SelectionCursor(queue, 0, false, BigInteger.Zero, BigInteger.Zero), queue[0]);
        var heap = new PriorityQueue<SelectionCursor, PoolEntry>(items, SelectionOrder.Instance);
        var remaining = gasLimit;
        while (remaining >= Transfer.IntrinsicGas && heap.TryDequeue(out var cursor, out var entry))
        {
            var queue = cursor.Queue;
            if (!cursor.Positioned)
            {
                var account = parent.AccountOf(queue.Sender);
                var start = queue.IndexOf(account.Nonce);
                if (start < 0) continue; // all used already, or a gap before the first pending nonce
                cursor = new SelectionCursor(queue, start, true, account.Balance, BigInteger.Zero);
                if (start > 0)
                {
                    heap.Enqueue(cursor, queue[start]);
                    continue;
                }
            }
            if (entry.GasLimit > remaining || cursor.Spent + entry.MaxCost > cursor.Balance) continue;
            selected.Add(entry.Tx);
            remaining -= Transfer.IntrinsicGas;
            if (cursor.Index + 1 < queue.Count)
                heap.Enqueue(cursor with { Index = cursor.Index + 1, Spent = cursor.Spent + entry.Spend }, queue[cursor.Index + 1]);
        }
        return selected;
    }

    /// <summary>
    /// Brings the pool up to <paramref name="committed"/>, the ledger after the latest committed block: removes every
    /// transaction whose nonce the ledger has used (included), then drops those that can no longer apply on it — from
    /// the first one the sender's balance no longer carries, and every pending transaction of a sender whose first
    /// pending nonce is now ahead of its account nonce (a gap). Visits every sender, in the pool's own order.
    /// </summary>
    public PoolPruneOutcome Prune(ShardLedger committed)
    {
        CheckShard(committed);
        var included = new List<PoolEntry>(_usedBeforePrune);
        _usedBeforePrune.Clear();
        var dropped = new List<PoolEntry>();
        List<Address>? emptied = null;
        foreach (var queue in _senders.Values)
        {
            var account = committed.AccountOf(queue.Sender);
            var used = account.Nonce <= queue.FirstNonce ? 0 : (int)Math.Min(account.Nonce - queue.FirstNonce, (ulong)queue.Count);
            if (used > 0) RemoveFirstOf(queue, used, included);
            if (queue.Count > 0)
            {
                var from = queue.FirstNonce != account.Nonce ? 0 : queue.FirstUnaffordable(account.Balance);
                if (from >= 0) RemoveFromOf(queue, from, dropped);
            }
            if (queue.Count == 0) (emptied ??= []).Add(queue.Sender);
        }
        if (emptied is not null)
            foreach (var sender in emptied) _senders.Remove(sender);
        return new PoolPruneOutcome(TransactionsOf(included), TransactionsOf(dropped));
    }

    private PoolAddOutcome Replace(SenderQueue queue, int stale, int index, PoolEntry entry, BigInteger balance)
    {
        var old = queue[index];
        // Harmony's rule: strictly more than before, and at least old × (100 + bump) / 100 (integer division).
        var threshold = old.GasPrice * (100 + Rules.PriceBumpPercent) / 100;
        if (entry.GasPrice <= old.GasPrice || entry.GasPrice < threshold) return PoolAddOutcome.Reject(PoolRejection.ReplacementUnderpriced);
        // The replacement may cost more; every later pending transaction must stay affordable, or none of it happens.
        if (queue.FirstUnaffordable(balance, stale, index, entry) >= 0) return PoolAddOutcome.Reject(PoolRejection.InsufficientBalance);

        var isLast = index == queue.Count - 1;
        if (isLast) _tails.Remove(old);
        queue.Set(index, entry);
        if (isLast) _tails.Add(entry);
        _byHash.Remove(old.Hash);
        _byHash.Add(entry.Hash, entry);
        _arrivals++;
        if (stale > 0) DiscardUsed(queue, stale);
        return PoolAddOutcome.Replacing(old.Tx);
    }

    // The cheapest sender tail not belonging to `exclude`: evicting the new transaction's own sender's last
    // transaction would leave the new one after a gap.
    private PoolEntry? CheapestEvictable(Address exclude)
    {
        foreach (var tail in _tails)
            if (tail.Sender != exclude) return tail;
        return null;
    }

    private void Append(PoolEntry entry)
    {
        if (!_senders.TryGetValue(entry.Sender, out var queue))
        {
            queue = new SenderQueue(entry.Sender);
            _senders.Add(entry.Sender, queue);
        }
        if (queue.Count > 0) _tails.Remove(queue.Last);
        queue.Append(entry);
        _tails.Add(entry);
        _byHash.Add(entry.Hash, entry);
        _arrivals++;
    }

    private void RemoveLastOf(SenderQueue queue)
    {
        var last = queue.RemoveLast();
        _tails.Remove(last);
        _byHash.Remove(last.Hash);
        if (queue.Count > 0) _tails.Add(queue.Last);
        else _senders.Remove(queue.Sender);
    }

    // Discards a sender's first entries because the head ledger has used their nonces; Prune reports them.
    private void DiscardUsed(SenderQueue queue, int count)
    {
        RemoveFirstOf(queue, count, _usedBeforePrune);
        if (queue.Count == 0) _senders.Remove(queue.Sender);
    }

    // Removes from the front: the tail changes only when the queue empties. The caller removes an empty queue.
    private void RemoveFirstOf(SenderQueue queue, int count, List<PoolEntry> removed)
    {
        if (count == queue.Count) _tails.Remove(queue.Last);
        var before = removed.Count;
        queue.RemoveFirst(count, removed);
        for (var i = before; i < removed.Count; i++) _byHash.Remove(removed[i].Hash);
    }

    // Removes from `index` to the end. The caller removes an empty queue.
    private void RemoveFromOf(SenderQueue queue, int index, List<PoolEntry> removed)
    {
        _tails.Remove(queue.Last);
        var before = removed.Count;
        queue.RemoveFrom(index, removed);
        for (var i = before; i < removed.Count; i++) _byHash.Remove(removed[i].Hash);
        if (queue.Count > 0) _tails.Add(queue.Last);
    }

    private void CheckShard(ShardLedger ledger)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        if (ledger.ShardId != ShardId)
            throw new ArgumentException($"the pool is shard {ShardId}'s, the ledger is shard {ledger.ShardId}'s", nameof(ledger));
    }

    private static SignedTransfer[] TransactionsOf(List<PoolEntry> entries)
    {
        var result = new SignedTransfer[entries.Count];
        for (var i = 0; i < result.Length; i++) result[i] = entries[i].Tx;
        return result;
    }
}
