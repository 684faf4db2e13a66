using HarmonySim.Simulation.Runs;
using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Chain.Receipts;
using HarmonySim.Protocol.Chain.Transactions;
using HarmonySim.Protocol.Consensus;
using HarmonySim.Protocol.Sharding.CrossShard;
using HarmonySim.Protocol.State;

namespace HarmonySim.Simulation.Transfers;

/// <summary>The incoming receipt proofs a node has heard of, in arrival order (the latest pool its shard's network handed it).</summary>
public sealed class ReceiptPool
{
    public IReadOnlyList<CXReceiptsProof> Proofs { get; private set; } = [];

    public void Replace(IReadOnlyList<CXReceiptsProof> proofs) => Proofs = proofs;
}

/// <summary>A proposal's transfer part: the encoded transfers, the incoming proofs, the state after them, and the block's gas limit.</summary>
public sealed record TransferProposal(IReadOnlyList<byte[]> Transactions, IReadOnlyList<CXReceiptsProof> Incoming, TransferState State, ulong GasLimit)
{
    /// <summary>The header with this part's commitments (ledger root, outgoing and incoming receipt hashes) and its gas.</summary>
    public BlockHeader Seal(BlockHeader header)
    {
        var c = TransferCommitments.Of(State.Ledger, State.Outgoing, Incoming);
        return BlockGas.Seal(header.WithTransfers(c.Root, c.OutgoingReceiptHash, c.IncomingReceiptHash), Transactions.Count, GasLimit);
    }
}

/// <summary>
/// One node's transfer part of block production, for the beacon and the other shards alike. The leader includes the
/// scripted transfers of its shard submitted by the block's time (header time − genesis time) that apply, in
/// submission order (one that does not apply holds back its sender's later ones, whose nonces follow it), then what
/// the shard's mempool offers by gas price and nonce (a load run), all within the block gas limit, then the
/// pending incoming proofs in arrival order that are unspent and verify, within the per-block receipt cap.
/// Validators re-execute the block through the shared memo and compare the header's commitments.
/// </summary>
/// <remarks><paramref name="head"/> is the node's committed head: it is applied first, so the parent's state never
/// depends on what other nodes of the silo happened to compute before.</remarks>
public sealed class TransferProduction(TransferWorld world, ReceiptPool pool, int shard, ulong genesisUnixTime, Func<Block> head,
    Load.ShardMempool? mempool = null, Validators.BlockValidationCounter? executed = null, Adversaries.CensorFilter? censor = null)
{
    public TransferWorld World => world;

    /// <summary>The transfer part for a proposal on <paramref name="context"/>'s parent (the node's head).</summary>
    public TransferProposal? Propose(ProposalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (world.Apply(head()).State is not { } parent || head().Hash != context.ParentHash)
            throw new InvalidOperationException($"the transfer state of the proposal's parent {context.ParentHash} is unknown");
        var elapsed = TimeSpan.FromSeconds(context.Time - genesisUnixTime);
        var batch = new LedgerBatch(parent.Ledger);
        var transfers = new List<SignedTransfer>();
        var outgoing = new List<CXReceipt>();
        var blocked = new HashSet<Address>();
        var fits = (int)Math.Min(int.MaxValue, world.BlockGasLimit / Transfer.IntrinsicGas);
        foreach (var (at, tx) in world.ScriptedOn[shard])
        {
            if (at > elapsed || transfers.Count == fits) break;
            var sender = tx.Message.From;
            if (blocked.Contains(sender) || tx.Message.Nonce < batch.AccountOf(sender).Nonce) continue;
            if (censor?.Omits(tx) == true) continue;
            var (rejection, receipt) = batch.Apply(tx);
            if (rejection is not null) { blocked.Add(sender); continue; }
            transfers.Add(tx);
            if (receipt is not null) outgoing.Add(receipt);
        }
        if (mempool is not null)
            foreach (var tx in mempool.Select(batch.ToLedger(), (ulong)(fits - transfers.Count) * Transfer.IntrinsicGas))
            {
                // A censor leaves it out; the gas it frees is not offered to others (a full block runs a little short).
                if (censor?.Omits(tx) == true) continue;
                // The pool checked it against the committed head; a scripted transfer of the same sender may have moved on since.
                var (rejection, receipt) = batch.Apply(tx);
                if (rejection is not null) continue;
                transfers.Add(tx);
                if (receipt is not null) outgoing.Add(receipt);
            }
        var incoming = new List<CXReceiptsProof>();
        var receipts = 0;
        foreach (var proof in pool.Proofs)
        {
            var n = proof.Receipts.Count;
            if (receipts + n > IncomingReceiptsCap.Harmony) break;
            // Not yet verifiable (its epoch's committees are not in this chain yet), spent, or invalid: it waits or is dropped by the network.
            if (batch.ApplyIncoming(proof, parent.Committees, IncomingReceiptsCap.Harmony) is not null) continue;
            incoming.Add(proof);
            receipts += n;
        }
        var ledger = batch.ToLedger();
        if (executed is not null) executed.Transactions += transfers.Count;
        return new TransferProposal(SignedTransfer.BlockEncodings(transfers), incoming, new TransferState(ledger, outgoing, transfers, incoming, parent.Committees), world.BlockGasLimit);
    }

    /// <summary>Remembers the state of a block this node built (the committees it knows grow by the block's own shard state).</summary>
    public void Remember(Block block, TransferProposal proposal)
    {
        ArgumentNullException.ThrowIfNull(block);
        ArgumentNullException.ThrowIfNull(proposal);
        world.Remember(block, proposal.State with { Committees = proposal.State.Committees.After(block.Header) });
    }

    /// <summary>Null when the block's transfer part applies on its parent and the header commits to the result.</summary>
    public string? Validate(Block block)
    {
        world.Apply(head());
        // Every validator re-executes the block's transactions (the silo computes the outcome once; each node is charged for it).
        if (executed is not null) executed.Transactions += block.Transactions.Count;
        return world.Apply(block).Error;
    }
}
