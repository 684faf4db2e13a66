using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Chain.Transactions;
using HarmonySim.Protocol.Crypto;
using HarmonySim.Simulation.Plans;
using HarmonySim.Simulation.Runs;

namespace HarmonySim.Simulation.Load;

/// <summary>
/// The load one shard is sent: for each source that targets the shard, its arrival stream (the source's rate split
/// evenly over its shards) and the transactions it makes, in intended-time order (ties by source order). A
/// transaction's sender is drawn among the source's accounts on this shard (Zipf by the source's skew), its kind by
/// the mix, its recipient among the source's accounts; its nonce is the next one the generator has not seen refused,
/// as a client that reads the RPC's answer would keep it. Every draw comes from the source's own seeded generator.
/// </summary>
public sealed class LoadGenerator
{
    private readonly Source[] _sources;
    private readonly int _shard;
    private readonly int _shards;
    private readonly ulong _chainId;
    private readonly TransactionSigning _signing;

    public LoadGenerator(RunPlan plan, IReadOnlyList<LoadAccounts> accounts, int shard, ulong chainId)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(accounts);
        var load = plan.Load ?? throw new ArgumentException("the plan has no load section", nameof(plan));
        _shard = shard;
        _shards = plan.Shards;
        _chainId = chainId;
        _signing = load.Signing;
        var sources = new List<Source>();
        for (var i = 0; i < load.Sources.Count; i++)
        {
            var source = load.Sources[i];
            if (!source.Shards.Contains(shard)) continue;
            var local = accounts[i].On(shard);
            if (local.Length == 0) continue;
            var stream = new ArrivalStream(source.Rate, 1.0 / source.Shards.Count, source.Arrivals, RunSeeds.LoadArrivals(plan.Seed, shard, i));
            sources.Add(new Source(i, accounts[i], local, new SenderChoice(local.Length, source.Accounts.HotSkew), stream,
                new Random(RunSeeds.LoadDraws(plan.Seed, shard, i)), new ulong[local.Length],
                Transfers.TransferWorld.ToAtto(source.Mix.Amount), source.Mix.GasPrice));
        }
        _sources = [.. sources];
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
        var plan = due.Accounts.Source;
        var sender = due.Choice.Pick(due.Random);
        var crossShard = _shards > 1 && (decimal)due.Random.NextDouble() < plan.Mix.CrossShardShare;
        var toShard = crossShard ? (_shard + 1 + due.Random.Next(_shards - 1)) % _shards : _shard;
        var recipient = crossShard ? due.Accounts.Addresses[due.Random.Next(due.Accounts.Count)] : due.Accounts.Addresses[due.Local[due.Random.Next(due.Local.Length)]];
        var account = due.Local[sender];
        var message = new Transfer(due.Accounts.Addresses[account], recipient, (uint)_shard, (uint)toShard,
            due.Amount, due.Nonces[sender]++)
        { GasPrice = due.GasPrice, GasLimit = Transfer.IntrinsicGas };
        var signed = _signing == TransactionSigning.Real
            ? SignedTransfer.Sign(message, due.Accounts.KeyOf(account), _chainId)
            : SignedTransfer.SignSimulated(message, _chainId);
        return new LoadTransaction(at, signed, due.Index, sender);
    }

    /// <summary>
    /// The pool refused or dropped <paramref name="tx"/>: its sender's next transaction reuses its nonce (a client
    /// learns of a refusal from the RPC's answer, and of an eviction when its transaction disappears).
    /// </summary>
    public void Returned(LoadTransaction tx)
    {
        ArgumentNullException.ThrowIfNull(tx);
        var source = _sources.First(s => s.Index == tx.Source);
        ref var nonce = ref source.Nonces[tx.Sender];
        nonce = Math.Min(nonce, tx.Transaction.Message.Nonce);
    }

    private sealed record Source(int Index, LoadAccounts Accounts, int[] Local, SenderChoice Choice, ArrivalStream Stream, Random Random, ulong[] Nonces,
        System.Numerics.BigInteger Amount, System.Numerics.BigInteger GasPrice);
}

/// <summary>A load transaction: its intended send time, the signed transfer, and which source and local sender made it.</summary>
public sealed record LoadTransaction(TimeSpan IntendedAt, SignedTransfer Transaction, int Source, int Sender)
{
    public Hash32 Hash => Transaction.Hash;
    public Address From => Transaction.Message.From;
}
