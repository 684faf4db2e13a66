using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Chain.Transactions;
using HarmonySim.Protocol.Crypto;
using HarmonySim.Simulation.Plans;
using HarmonySim.Simulation.Runs;

namespace HarmonySim.Simulation.Load;

/// <summary>
/// The load one shard is sent: for each source that targets the shard, its arrival stream (the source's rate split
/// evenly over its shards) and, at each arrival, a sender drawn among the source's accounts on this shard (Zipf by
/// the source's skew, from the source's own seeded generator) who sends its next transaction: the one fixed by its
/// next nonce (<see cref="TransferContent"/>). A transaction the pool refused or dropped is the sender's next one
/// again, as a client that reads the RPC's answer would resend it. Arrivals are taken in intended-time order, ties by
/// source order. With pre-signed load every transaction the run can need is signed before it starts.
/// </summary>
public sealed class LoadGenerator
{
    private readonly Source[] _sources;
    // The same sources by their index in the plan (null for those not sending on this shard), for returned transactions.
    private readonly Source?[] _byIndex;

    public LoadGenerator(RunPlan plan, IReadOnlyList<LoadAccounts> accounts, int shard, ulong chainId)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(accounts);
        var load = plan.Load ?? throw new ArgumentException("the plan has no load section", nameof(plan));
        var sources = new List<Source>();
        for (var i = 0; i < load.Sources.Count; i++)
        {
            var source = load.Sources[i];
            if (!source.Shards.Contains(shard)) continue;
            var local = accounts[i].On(shard);
            if (local.Length == 0) continue;
            var (stream, draws) = Streams(plan, source, shard, i);
            sources.Add(new Source(i, local, new SenderChoice(local.Length, source.Accounts.HotSkew), stream, draws, new ulong[local.Length],
                new TransferContent(plan.Seed, i, accounts[i], shard, plan.Shards, chainId, load.Signing)));
        }
        _sources = [.. sources];
        _byIndex = new Source?[load.Sources.Count];
        foreach (var s in _sources) _byIndex[s.Index] = s;
        if (load.Signing == TransactionSigning.PreSigned)
            foreach (var s in _sources) s.PreSigned = PreSign(plan, shard, s);
    }

    /// <summary>The next arrival's intended time on this shard (<see cref="TimeSpan.MaxValue"/> when no more will come).</summary>
    public TimeSpan NextAt
    {
        get
        {
            var next = TimeSpan.MaxValue;
            foreach (var s in _sources) if (s.Stream.Next < next) next = s.Stream.Next;
            return next;
        }
    }

    /// <summary>Makes the next due transaction (intended at or before <paramref name="now"/>), or null when none is due.</summary>
    public LoadTransaction? Next(TimeSpan now)
    {
        Source? due = null;
        foreach (var s in _sources) if (s.Stream.Next <= now && (due is null || s.Stream.Next < due.Stream.Next)) due = s;
        if (due is null) return null;
        var at = due.Stream.Take();
        var sender = due.Choice.Pick(due.Draws);
        var nonce = due.Nonces[sender]++;
        var signed = due.PreSigned is { } pre && nonce < (ulong)pre[sender].Length
            ? pre[sender][nonce]
            : due.Content.Signed(due.Local[sender], nonce, due.Local);
        return new LoadTransaction(at, signed, due.Index, sender);
    }

    /// <summary>
    /// The pool refused or dropped <paramref name="tx"/>: its sender's next turn sends it again (a client learns of a
    /// refusal from the RPC's answer, and of an eviction when its transaction disappears).
    /// </summary>
    public void Returned(LoadTransaction tx)
    {
        ArgumentNullException.ThrowIfNull(tx);
        ref var nonce = ref _byIndex[tx.Source]!.Nonces[tx.Sender];
        nonce = Math.Min(nonce, tx.Transaction.Message.Nonce);
    }

    private static (ArrivalStream Stream, Random Draws) Streams(RunPlan plan, LoadSourcePlan source, int shard, int index) =>
        (new ArrivalStream(source.Rate, 1.0 / source.Shards.Count, source.Arrivals, RunSeeds.LoadArrivals(plan.Seed, shard, index)),
         new Random(RunSeeds.LoadDraws(plan.Seed, shard, index)));

    /// <summary>
    /// Signs, before the run, each sender's transactions for as many turns as it will get by the run's end (the arrival
    /// times and sender draws replayed from their seeds): the most it can send, resends included. In parallel, since
    /// each transaction depends on its sender and nonce alone.
    /// </summary>
    private static SignedTransfer[][] PreSign(RunPlan plan, int shard, Source source)
    {
        var (stream, draws) = Streams(plan, plan.Load!.Sources[source.Index], shard, source.Index);
        var turns = new int[source.Local.Length];
        while (stream.Next <= plan.Duration)
        {
            stream.Take();
            turns[source.Choice.Pick(draws)]++;
        }
        var signed = turns.Select(n => new SignedTransfer[n]).ToArray();
        var work = turns.SelectMany((n, sender) => Enumerable.Range(0, n).Select(nonce => (sender, nonce))).ToArray();
        Parallel.For(0, work.Length, i =>
        {
            var (sender, nonce) = work[i];
            signed[sender][nonce] = source.Content.Signed(source.Local[sender], (ulong)nonce, source.Local);
        });
        return signed;
    }

    private sealed record Source(int Index, int[] Local, SenderChoice Choice, ArrivalStream Stream, Random Draws, ulong[] Nonces, TransferContent Content)
    {
        public SignedTransfer[][]? PreSigned { get; set; }
    }
}

/// <summary>A load transaction: its intended send time, the signed transfer, and which source and local sender made it.</summary>
public sealed record LoadTransaction(TimeSpan IntendedAt, SignedTransfer Transaction, int Source, int Sender)
{
    public Hash32 Hash => Transaction.Hash;
}
