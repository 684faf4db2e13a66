using System.Globalization;
using System.Numerics;
using HarmonySim.Grains.Transfers;
using HarmonySim.Protocol.Chain.Receipts;
using HarmonySim.Protocol.Consensus;
using HarmonySim.Protocol.Sharding.CrossShard;

namespace HarmonySim.Grains.Network;

/// <summary>
/// A transfer run's traffic between shards (reference §3.5). After a block commits on the canonical chain, the
/// network builds one receipts proof per destination from the committed block (its header, commit signature and
/// bitmap) and sends it. A receiving network keeps the proofs it has not seen credited in an incoming pool, in
/// arrival order, and hands the pool to its validators whenever it changes; it drops a proof once its canonical
/// chain has credited it. Each network follows its canonical chain's transfer state for the report and the
/// balance check, and logs every transfer applied and every proof credited.
/// </summary>
public sealed partial class ShardNetworkGrain
{
    private readonly List<CXReceiptsProof> _incomingProofs = [];
    private readonly List<ProofCredit> _credited = [];
    private readonly List<ProofEmitted> _emitted = [];
    private readonly List<TimeSpan> _sameShardLatencies = [];
    private readonly List<TimeSpan> _crossShardLatencies = [];
    private TransferState? _transferState;
    private int _transfersCommitted;

    /// <summary>After a canonical commit: apply its transfer part, log it, and send its receipts to their destinations.</summary>
    private void TransfersCommitted(CommittedBlock committed)
    {
        if (_context.Transfers is not { } world) return;
        var outcome = world.Apply(committed.Block);
        if (outcome.State is not { } state)
        {
            Log("transfer_state_error", ("height", committed.Number.ToString(CultureInfo.InvariantCulture)), ("error", outcome.Error ?? "?"));
            return;
        }
        _transferState = state;
        var height = committed.Number.ToString(CultureInfo.InvariantCulture);
        foreach (var tx in state.Transfers)
        {
            _transfersCommitted++;
            var t = tx.Message;
            var latency = _now - (world.SubmittedAt(tx.Hash) ?? _now);
            if (!t.IsCrossShard) _sameShardLatencies.Add(latency);
            Log("transfer", ("height", height), ("tx", tx.Hash.ToString()), ("to_shard", t.ToShardId.ToString(CultureInfo.InvariantCulture)),
                ("amount", t.Amount.ToString(CultureInfo.InvariantCulture)), ("nonce", t.Nonce.ToString(CultureInfo.InvariantCulture)),
                ("latency_s", Seconds(latency)));
        }
        foreach (var proof in state.Incoming)
        {
            var amount = proof.Receipts.Aggregate(BigInteger.Zero, (sum, r) => sum + r.Amount);
            _credited.Add(new ProofCredit((int)proof.SourceShard, proof.MerkleProof.BlockHash.ToString(), proof.Receipts.Count,
                amount.ToString(CultureInfo.InvariantCulture), committed.Number));
            foreach (var r in proof.Receipts) _crossShardLatencies.Add(_now - (world.SubmittedAt(r.TxHash) ?? _now));
            Log("receipt_credited", ("height", height), ("source_shard", proof.SourceShard.ToString(CultureInfo.InvariantCulture)),
                ("source_block", proof.MerkleProof.BlockHash.ToString()), ("receipts", proof.Receipts.Count.ToString(CultureInfo.InvariantCulture)),
                ("amount", amount.ToString(CultureInfo.InvariantCulture)));
        }
        if (state.Outgoing.Count > 0)
        {
            if (committed.CommitSignature is null || committed.CommitBitmap is null)
                Log("receipts_unsent", ("height", height), ("error", "the committed block has no commit signature"));
            else
                foreach (var proof in CXReceiptsProofBuilder.BuildAll(committed, state.Outgoing))
                {
                    var amount = proof.Receipts.Aggregate(BigInteger.Zero, (sum, r) => sum + r.Amount);
                    _emitted.Add(new ProofEmitted((int)proof.Receipts[0].ToShardId, committed.Hash.ToString(), proof.Receipts.Count, amount.ToString(CultureInfo.InvariantCulture)));
                    Send((int)proof.Receipts[0].ToShardId, new ReceiptsSent(proof));
                }
        }
        if (_incomingProofs.RemoveAll(p => state.Ledger.IsSpent(p.SourceShard, p.MerkleProof.BlockHash)) > 0) ShareReceiptPool();
    }

    /// <summary>A proof from another shard joins the pool unless the canonical chain has credited it or the pool holds it.</summary>
    private void ReceiveReceipts(CXReceiptsProof proof)
    {
        var (source, block) = (proof.SourceShard, proof.MerkleProof.BlockHash);
        if (_transferState?.Ledger.IsSpent(source, block) == true) return;
        if (_incomingProofs.Any(p => p.SourceShard == source && p.MerkleProof.BlockHash == block)) return;
        _incomingProofs.Add(proof);
        ShareReceiptPool();
    }

    private void ShareReceiptPool()
    {
        var pool = new ReceiptsPool([.. _incomingProofs]);
        foreach (var member in _members) Enqueue(_now, member, pool);
    }

    /// <summary>A restarted node hears the incoming pool again.</summary>
    private void ReannounceReceipts(int node)
    {
        if (_context.Transfers is not null && _incomingProofs.Count > 0) Enqueue(_now, node, new ReceiptsPool([.. _incomingProofs]));
    }

    /// <summary>
    /// This shard's transfers at the end of the run. A submitted transfer neither committed nor applicable on the
    /// final canonical ledger (after the pending ones before it) counts as rejected; one that would apply is still pending.
    /// </summary>
    private TransferRunResult? TransfersResult()
    {
        if (_context.Transfers is not { } world) return null;
        var ledger = _transferState?.Ledger ?? world.GenesisLedgers[_shard];
        var submitted = world.ScriptedOn[_shard].Where(s => s.At <= _now).ToList();
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
            world.GenesisLedgers[_shard].TotalBalance.ToString(CultureInfo.InvariantCulture), ledger.TotalBalance.ToString(CultureInfo.InvariantCulture),
            ledger.OutgoingTotal.ToString(CultureInfo.InvariantCulture), ledger.IncomingTotal.ToString(CultureInfo.InvariantCulture));
    }

    private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.######", CultureInfo.InvariantCulture);
}
