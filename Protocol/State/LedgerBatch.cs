using System.Collections.Immutable;
using System.Numerics;
using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Chain.Receipts;
using HarmonySim.Protocol.Chain.Transactions;
using HarmonySim.Protocol.Staking.State;

namespace HarmonySim.Protocol.State;

/// <summary>
/// Transfers applied one after another on a ledger through one mutable builder of its accounts, then frozen into a
/// new ledger: a block of thousands of transfers copies each touched path of the account tree once instead of once
/// per transfer. Each transfer is checked and applied exactly as <see cref="ShardLedger.ApplyTransfer"/> does (that
/// method is a batch of one); a refused transfer leaves the batch unchanged.
/// </summary>
public sealed class LedgerBatch(ShardLedger start, Func<SignedTransfer, Address?>? recoverSender = null)
{
    private readonly ImmutableSortedDictionary<Address, Account>.Builder _accounts = start.Accounts.ToBuilder();
    // What the batch burned and sent out so far; the ledger's totals change by exactly these (see ToLedger).
    private AmountSum _fees;
    private AmountSum _sentOut;

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

    /// <summary>An account as the transfers applied so far left it.</summary>
    public Account AccountOf(Address address) => _accounts.TryGetValue(address, out var a) ? a : Account.Empty;

    /// <summary>The ledger after every transfer applied so far.</summary>
    /// <remarks>
    /// Fees leave the shard's balances for no one and cross-shard amounts leave them for another shard, so the total
    /// falls by both, the burned total grows by the fees and the outgoing total by the amounts.
    /// </remarks>
    public ShardLedger ToLedger()
    {
        var (fees, sentOut) = (_fees.Value, _sentOut.Value);
        return start.With(_accounts.ToImmutable(), start.TotalBalance - fees - sentOut, start.OutgoingTotal + sentOut, start.BurnedFees + fees);
    }
}
