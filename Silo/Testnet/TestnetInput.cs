using System.Collections.Concurrent;
using HarmonySim.Grains.Interfaces.Runs;
using HarmonySim.Silo.Runs;

namespace HarmonySim.Silo.Testnet;

/// <summary>
/// Carries outside transactions into a testnet's shards between steps. First it replays the journal: each recorded
/// transaction is submitted at its recorded virtual time (the run catches up flat out meanwhile). Then, at every
/// step, what arrived over RPC since the last step enters its shard's pool at the step's virtual time, in arrival
/// order; what a pool accepted is journaled (and flushed) before the senders get their answers.
/// </summary>
public sealed class TestnetInput(string runId, IInputJournal journal, int maxWaiting = TestnetInput.DefaultMaxWaiting) : IStepInput
{
    public const int DefaultMaxWaiting = 10_000;

    private readonly ConcurrentQueue<PendingSubmission> _waiting = new();
    private int _waitingCount;
    private int _replayed;

    /// <summary>Whether the journal has been replayed (the testnet then takes live input).</summary>
    public bool Live => _replayed >= journal.Recorded.Count;

    /// <summary>Queues a transaction for the next step; null when too many are already waiting (the caller answers "busy").</summary>
    public PendingSubmission? Offer(int shard, byte[] transaction)
    {
        if (Interlocked.Increment(ref _waitingCount) > maxWaiting)
        {
            Interlocked.Decrement(ref _waitingCount);
            return null;
        }
        var pending = new PendingSubmission(shard, transaction);
        _waiting.Enqueue(pending);
        return pending;
    }

    public async Task<bool> BetweenSteps(IGrainFactory grains, TimeSpan now, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(grains);
        if (!Live)
        {
            var due = new List<JournalEntry>();
            while (_replayed < journal.Recorded.Count && journal.Recorded[_replayed].At <= now)
            {
                var entry = journal.Recorded[_replayed++];
                if (entry.At != now) throw new JournalException($"entry {_replayed}: at {entry.At} it falls between steps (the journal was written by another step length)");
                due.Add(entry);
            }
            foreach (var group in due.GroupBy(e => e.Shard))
            {
                var answers = await Shard(grains, group.Key).Submit([.. group.Select(e => e.Transaction)]);
                if (answers.FirstOrDefault(a => a is not null) is { } refused)
                    throw new JournalException($"a recorded transaction was refused on replay ({refused}): the config or the code changed since it was written");
            }
            return !Live;
        }
        var batch = new List<PendingSubmission>();
        while (_waiting.TryDequeue(out var p))
        {
            Interlocked.Decrement(ref _waitingCount);
            batch.Add(p);
        }
        if (batch.Count == 0) return false;
        var results = new List<(PendingSubmission Pending, string? Answer)>(batch.Count);
        foreach (var group in batch.GroupBy(p => p.Shard))
        {
            var list = group.ToList();
            var answers = await Shard(grains, group.Key).Submit([.. list.Select(p => p.Transaction)]);
            for (var i = 0; i < list.Count; i++)
            {
                results.Add((list[i], answers[i]));
                if (answers[i] is null) journal.Append(new JournalEntry(now, group.Key, list[i].Transaction));
            }
        }
        // Not cancelled by a stop: whether the senders are told "accepted" must follow what is durable.
        await journal.FlushAsync(CancellationToken.None);
        foreach (var (pending, answer) in results) pending.Answer.TrySetResult(answer);
        return false;
    }

    /// <summary>Answers what is still waiting when the testnet stops.</summary>
    public void Stop()
    {
        while (_waiting.TryDequeue(out var p)) p.Answer.TrySetResult("the testnet is shutting down");
    }

    private IShardNetworkGrain Shard(IGrainFactory grains, int shard) => grains.GetGrain<IShardNetworkGrain>($"{runId}/{shard}");
}
