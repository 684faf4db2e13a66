using System.Collections.Immutable;
using System.Numerics;
using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Chain.Receipts;
using HarmonySim.Protocol.Chain.Transactions;
using HarmonySim.Protocol.Consensus;
using HarmonySim.Protocol.Sharding.CrossShard;
using HarmonySim.Protocol.Staking.State;

namespace HarmonySim.Protocol.State;

/// <summary>
/// A block's changes to a ledger — transfers, then incoming receipt proofs — applied one after another through one
/// mutable copy of its accounts, then frozen into a new ledger: a block of thousands of transfers copies the accounts
/// once instead of once per transfer. Each change is checked and applied exactly as <see cref="ShardLedger.ApplyTransfer"/>
/// and <see cref="ShardLedger.ApplyIncoming"/> do (each is a batch of one); a refused change leaves the batch unchanged.
/// </summary>
public sealed class LedgerBatch(ShardLedger start, Func<SignedTransfer, Address?>? recoverSender = null)
{
    private readonly AccountDictionary.Builder _accounts = start.Accounts.ToBuilder();
    // What the batch burned, sent out and credited so far; the ledger's totals change by exactly these (see ToLedger).
    private AmountSum _fees;
    private AmountSum _sentOut;
    private BigInteger _credited = BigInteger.Zero;
    private BigInteger _minted = BigInteger.Zero;
    private ImmutableSortedSet<SpentProof>.Builder? _spent;

    /// <summary>Applies <paramref name="signed"/>: null rejection and the receipt of a cross-shard transfer, or why it was refused.</summary>
    public (string? Rejection, CXReceipt? Receipt) Apply(SignedTransfer signed)
    {
        ArgumentNullException.ThrowIfNull(signed);
        var t = signed.Message;
        var sender = _accounts.TryGetValue(t.From, out var a) ? a : Account.Empty;
        if (start.Refusal(signed, sender, recoverSender) is { } refusal) return (refusal, null);
        _accounts[t.From] = new Account(sender.Balance - t.Spend, sender.Nonce + 1);
        _fees.Add(t.Fee);
        if (!t.IsCrossShard)
        {
            var recipient = _accounts.TryGetValue(t.To, out var r) ? r : Account.Empty;
            _accounts[t.To] = recipient with { Balance = recipient.Balance + t.Amount };
            return (null, null);
        }
        _sentOut.Add(t.Amount);
        return (null, new CXReceipt(signed.Hash, t.From, t.To, t.ShardId, t.ToShardId, t.Amount));
    }

    /// <summary>
    /// Credits the receipts of an incoming proof, once: null, or why it was refused. A proof already credited (before or
    /// in this batch) is refused as "already spent", checked first so a replay costs no signature check; otherwise the
    /// proof must pass <see cref="ReceiptProofVerifier"/> against the source committee <paramref name="committees"/> names.
    /// </summary>
    public string? ApplyIncoming(CXReceiptsProof proof, ICommitteeProvider committees, int maxReceipts = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(proof);
        if (proof.MerkleProof is { } m && IsSpent(new SpentProof(m.ShardId, m.BlockHash)))
            return $"already spent: the receipts of shard {m.ShardId} block {m.BlockHash} were credited before";
        if (ReceiptProofVerifier.Verify(proof, start.ShardId, committees, maxReceipts) is { } reason) return reason;
        foreach (var r in proof.Receipts)
        {
            Credit(r.To, r.Amount);
            _credited += r.Amount;
        }
        (_spent ??= start.SpentProofs.ToBuilder()).Add(new SpentProof(proof.MerkleProof.ShardId, proof.MerkleProof.BlockHash));
        return null;
    }

    /// <summary>Adds <paramref name="amount"/> to <paramref name="address"/>'s balance, minting it (genesis funding).</summary>
    internal void Fund(Address address, BigInteger amount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(amount);
        Credit(address, amount);
        _minted += amount;
    }

    /// <summary>An account as the changes applied so far left it.</summary>
    public Account AccountOf(Address address) => _accounts.TryGetValue(address, out var a) ? a : Account.Empty;

    /// <summary>
    /// The ledger after every change applied so far. Fees leave the shard's balances for no one and cross-shard amounts
    /// leave them for another shard, so the total falls by both and rises by what incoming proofs credited; the burned
    /// total grows by the fees, the outgoing total by the amounts sent, the incoming total by the amounts credited.
    /// </summary>
    public ShardLedger ToLedger()
    {
        var (fees, sentOut) = (_fees.Value, _sentOut.Value);
        return start.With(_accounts.ToImmutable(), _spent?.ToImmutable() ?? start.SpentProofs, start.TotalBalance + _minted + _credited - fees - sentOut,
            start.OutgoingTotal + sentOut, start.IncomingTotal + _credited, start.BurnedFees + fees);
    }

    private bool IsSpent(SpentProof proof) => _spent?.Contains(proof) ?? start.SpentProofs.Contains(proof);

    private void Credit(Address to, BigInteger amount)
    {
        var a = _accounts.TryGetValue(to, out var existing) ? existing : Account.Empty;
        _accounts[to] = a with { Balance = a.Balance + amount };
    }
}
