using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Chain.Receipts;
using HarmonySim.Protocol.Chain.Transactions;
using HarmonySim.Protocol.Consensus;
using HarmonySim.Protocol.Crypto;
using HarmonySim.Protocol.Sharding.CrossShard;

namespace HarmonySim.Protocol.State;

/// <summary>
/// The result of a block's transfer part on a shard's ledger: the new ledger, the cross-shard receipts the block
/// emitted (in block order), or why the block is invalid.
/// </summary>
public sealed record BlockTransfersOutcome(ShardLedger? Ledger, IReadOnlyList<CXReceipt> Outgoing, string? Error)
{
    public static BlockTransfersOutcome Invalid(string error) => new(null, [], error);
}

/// <summary>
/// What a block's header commits to for transfers: the ledger root after the block (<c>Root</c>), the receipts it
/// emitted (<c>OutgoingReceiptHash</c>) and the proofs it credited (<c>IncomingReceiptHash</c>).
/// </summary>
public readonly record struct TransferCommitments(Hash32 Root, Hash32 OutgoingReceiptHash, Hash32 IncomingReceiptHash)
{
    public static TransferCommitments Of(ShardLedger ledger, IReadOnlyList<CXReceipt> outgoing, IReadOnlyList<CXReceiptsProof> incoming) =>
        new(LedgerRoot.Of(ledger), OutgoingReceipts.Hash(outgoing), IncomingReceipts.Hash(incoming));

    /// <summary>Null when <paramref name="header"/> carries exactly these commitments, otherwise which one differs.</summary>
    public string? CheckAgainst(BlockHeader header)
    {
        ArgumentNullException.ThrowIfNull(header);
        if (header.OutgoingReceiptHash != OutgoingReceiptHash) return "OutgoingReceiptHash does not match the receipts the block's transfers emit";
        if (header.IncomingReceiptHash != IncomingReceiptHash) return "IncomingReceiptHash does not match the block's incoming receipt proofs";
        if (header.Root != Root) return "Root does not match the transfer ledger after the block";
        return null;
    }
}

/// <summary>
/// Executes a block's transfer part on its shard's ledger, strictly: the transfers in block order (each must
/// apply: signed for the chain, sent on this shard, the sender's next nonce, covered by the balance), then the
/// incoming receipt proofs in block order (each unspent and verified against the source committee, at most
/// <see cref="IncomingReceiptsCap.Harmony"/> receipts in all). Harmony also applies a block's transactions before
/// its incoming receipts, so a transfer cannot spend what the same block credits. Any failure makes the block invalid.
/// </summary>
public static class BlockTransfers
{
    /// <summary>Decodes a block's transactions as signed transfers; the first that does not decode makes the block invalid.</summary>
    public static Decoded<IReadOnlyList<SignedTransfer>> Decode(IReadOnlyList<byte[]> transactions)
    {
        ArgumentNullException.ThrowIfNull(transactions);
        var result = new List<SignedTransfer>(transactions.Count);
        for (var i = 0; i < transactions.Count; i++)
        {
            var decoded = SignedTransfer.Decode(transactions[i]);
            if (!decoded.Ok) return Decoded.Failure<IReadOnlyList<SignedTransfer>>($"transaction {i}: {decoded.Error}");
            result.Add(decoded.Value!);
        }
        return Decoded.Success<IReadOnlyList<SignedTransfer>>(result);
    }

    public static BlockTransfersOutcome Apply(ShardLedger parent, IReadOnlyList<SignedTransfer> transfers, IReadOnlyList<CXReceiptsProof> incoming,
        ICommitteeProvider committees, int maxIncomingReceipts = IncomingReceiptsCap.Harmony, Func<SignedTransfer, Address?>? recoverSender = null)
    {
        ArgumentNullException.ThrowIfNull(parent);
        ArgumentNullException.ThrowIfNull(transfers);
        ArgumentNullException.ThrowIfNull(incoming);
        var batch = new LedgerBatch(parent, recoverSender);
        var outgoing = new List<CXReceipt>();
        for (var i = 0; i < transfers.Count; i++)
        {
            var (rejection, receipt) = batch.Apply(transfers[i]);
            if (rejection is not null) return BlockTransfersOutcome.Invalid($"transfer {i} ({transfers[i].Hash}): {rejection}");
            if (receipt is not null) outgoing.Add(receipt);
        }
        var receipts = 0;
        for (var i = 0; i < incoming.Count; i++)
        {
            receipts += incoming[i].Receipts?.Count ?? 0;
            if (receipts > maxIncomingReceipts)
                return BlockTransfersOutcome.Invalid($"incoming proofs carry more than the cap of {maxIncomingReceipts} receipts");
            if (batch.ApplyIncoming(incoming[i], committees, maxIncomingReceipts) is { } rejection)
                return BlockTransfersOutcome.Invalid($"incoming proof {i} ({incoming[i]}): {rejection}");
        }
        var ledger = batch.ToLedger();
        return new(ledger, outgoing, null);
    }
}
