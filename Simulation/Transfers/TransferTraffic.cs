using System.Globalization;
using System.Numerics;
using HarmonySim.Protocol.Chain.Receipts;
using HarmonySim.Protocol.Consensus;
using HarmonySim.Protocol.Sharding.CrossShard;
using HarmonySim.Simulation.Network;
using HarmonySim.Simulation.Runs;
using HarmonySim.Simulation.Load;
using HarmonySim.Protocol.Crypto;
using HarmonySim.Protocol.State;

namespace HarmonySim.Simulation.Transfers;

/// <summary>
/// A transfer run's traffic between shards (reference §3.5), for one shard's network. After a block commits on the
/// canonical chain, the network builds one receipts proof per destination from the committed block (its header,
/// commit signature and bitmap) and sends it. A receiving network keeps the proofs it has not seen credited in an
/// incoming pool, in arrival order, and hands the pool to its validators whenever it changes; it drops a proof once
/// its canonical chain has credited it. Each network follows its canonical chain's transfer state for the report and
/// the balance check, and logs every scripted transfer applied and every proof credited. Load transactions are not
/// logged one by one (the block hash commits to them); the shard's <see cref="LoadTraffic"/> records them.
/// </summary>
public sealed class TransferTraffic(IShardPort port, TransferWorld world, LoadTraffic? load = null, Testnet.OutsideInput? outside = null)
{
    private readonly List<CXReceiptsProof> _incomingProofs = [];
    // The intended send times of the load transactions behind each pooled proof's receipts, by (source shard, block).
    private readonly Dictionary<(uint Shard, Hash32 Block), IReadOnlyList<long>> _intended = [];
    private readonly List<ProofCredit> _credited = [];
    private readonly List<ProofEmitted> _emitted = [];
    private readonly List<TimeSpan> _sameShardLatencies = [];
    private readonly List<TimeSpan> _crossShardLatencies = [];
    private TransferState? _transferState;
    private int _transfersCommitted;

    /// <summary>The shard's censorship account, told what each canonical block included (a run with a censor), else null.</summary>
    public Adversaries.ShardCensorship? Censorship { get; init; }

    private int Shard => port.Shard;
    private TimeSpan Now => port.Now;

    /// <summary>The ledger after the shard's latest canonical block (the head the mempool checks against).</summary>
    public ShardLedger HeadLedger => _transferState?.Ledger ?? world.GenesisLedgers[Shard];

    /// <summary>After a canonical commit: apply its transfer part, log it, and send its receipts to their destinations.</summary>
    public void Committed(CommittedBlock committed)
    {
        var outcome = world.Apply(committed.Block);
        if (outcome.State is not { } state)
        {
            port.Observer.Log(Now, "transfer_state_error", ("height", committed.Number.ToString(CultureInfo.InvariantCulture)), ("error", outcome.Error ?? "?"));
            return;
        }
        _transferState = state;
        var height = committed.Number.ToString(CultureInfo.InvariantCulture);
        foreach (var tx in state.Transfers)
        {
            _transfersCommitted++;
            if (world.SubmittedAt(tx.Hash) is not { } submitted) continue;
            var t = tx.Message;
            var latency = Now - submitted;
            if (!t.IsCrossShard) _sameShardLatencies.Add(latency);
            port.Observer.Log(Now, "transfer", ("height", height), ("tx", tx.Hash.ToString()), ("to_shard", t.ToShardId.ToString(CultureInfo.InvariantCulture)),
                ("amount", t.Amount.ToString(CultureInfo.InvariantCulture)), ("nonce", t.Nonce.ToString(CultureInfo.InvariantCulture)),
                ("latency_s", Seconds(latency)));
        }
        foreach (var proof in state.Incoming)
        {
            var amount = proof.Receipts.Aggregate(BigInteger.Zero, (sum, r) => sum + r.Amount);
            _credited.Add(new ProofCredit((int)proof.SourceShard, proof.MerkleProof.BlockHash.ToString(), proof.Receipts.Count,
                amount.ToString(CultureInfo.InvariantCulture), committed.Number));
            foreach (var r in proof.Receipts)
                if (world.SubmittedAt(r.TxHash) is { } submitted) _crossShardLatencies.Add(Now - submitted);
            if (_intended.Remove((proof.SourceShard, proof.MerkleProof.BlockHash), out var intended)) load?.Credited(Now, (int)proof.SourceShard, intended);
            port.Observer.Log(Now, "receipt_credited", ("height", height), ("source_shard", proof.SourceShard.ToString(CultureInfo.InvariantCulture)),
                ("source_block", proof.MerkleProof.BlockHash.ToString()), ("receipts", proof.Receipts.Count.ToString(CultureInfo.InvariantCulture)),
                ("amount", amount.ToString(CultureInfo.InvariantCulture)));
        }
        if (state.Outgoing.Count > 0)
        {
            if (committed.CommitSignature is null || committed.CommitBitmap is null)
                port.Observer.Log(Now, "receipts_unsent", ("height", height), ("error", "the committed block has no commit signature"));
            else
                foreach (var proof in CXReceiptsProofBuilder.BuildAll(committed, state.Outgoing))
                {
                    var amount = proof.Receipts.Aggregate(BigInteger.Zero, (sum, r) => sum + r.Amount);
                    _emitted.Add(new ProofEmitted((int)proof.Receipts[0].ToShardId, committed.Hash.ToString(), proof.Receipts.Count, amount.ToString(CultureInfo.InvariantCulture)));
                    port.ToShard((int)proof.Receipts[0].ToShardId, new ReceiptsSent(proof) { IntendedTicks = load?.IntendedTicks(proof.Receipts) });
                }
        }
        var proposedAt = port.Observer.ProposedAt(committed.Number, committed.Header.ViewId) ?? Now;
        load?.Committed(Now, proposedAt, state, committed.Header);
        Censorship?.Included(proposedAt, state.Transfers);
        outside?.Committed(committed, state);
        if (_incomingProofs.RemoveAll(p => state.Ledger.IsSpent(p.SourceShard, p.MerkleProof.BlockHash)) > 0) ShareReceiptPool();
    }


    /// <summary>A proof from another shard joins the pool unless the canonical chain has credited it or the pool holds it.</summary>
    public void Receive(CXReceiptsProof proof, IReadOnlyList<long>? intendedTicks = null)
    {
        var (source, block) = (proof.SourceShard, proof.MerkleProof.BlockHash);
        if (_transferState?.Ledger.IsSpent(source, block) == true) return;
        if (_incomingProofs.Any(p => p.SourceShard == source && p.MerkleProof.BlockHash == block)) return;
        _incomingProofs.Add(proof);
        if (intendedTicks is not null) _intended[(source, block)] = intendedTicks;
        ShareReceiptPool();
    }

    private void ShareReceiptPool() => port.ToMembers(new ReceiptsPool([.. _incomingProofs]));

    /// <summary>A restarted node hears the incoming pool again.</summary>
    public void Reannounce(int node)
    {
        if (_incomingProofs.Count > 0) port.ToNode(node, new ReceiptsPool([.. _incomingProofs]));
    }

    /// <summary>
    /// This shard's transfers at the end of the run. A submitted transfer neither committed nor applicable on the
    /// final canonical ledger (after the pending ones before it) counts as rejected; one that would apply is still pending.
    /// </summary>
    public TransferRunResult Result()
    {
        var ledger = _transferState?.Ledger ?? world.GenesisLedgers[Shard];
        var submitted = world.ScriptedOn[Shard].Where(s => s.At <= Now).ToList();
        var rejected = 0;
        var pending = ledger;
        foreach (var (_, tx) in submitted)
        {
            if (tx.Message.Nonce < ledger.AccountOf(tx.Message.From).Nonce) continue;
            var result = pending.ApplyTransfer(tx);
            if (result.Accepted) pending = result.Ledger!;
            else rejected++;
        }
        return new TransferRunResult(submitted.Count, _transfersCommitted, rejected, _credited, _emitted, _sameShardLatencies, _crossShardLatencies,
            world.GenesisLedgers[Shard].TotalBalance.ToString(CultureInfo.InvariantCulture), ledger.TotalBalance.ToString(CultureInfo.InvariantCulture),
            ledger.OutgoingTotal.ToString(CultureInfo.InvariantCulture), ledger.IncomingTotal.ToString(CultureInfo.InvariantCulture))
        {
            BurnedFees = ledger.BurnedFees.ToString(CultureInfo.InvariantCulture),
            Staked = ledger.StakedTotal.IsZero ? null : ledger.StakedTotal.ToString(CultureInfo.InvariantCulture),
        };
    }

    private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.######", CultureInfo.InvariantCulture);
}
