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
    private BigInteger _total = start.TotalBalance;
    private BigInteger _outgoing = start.OutgoingTotal;
    private BigInteger _burned = start.BurnedFees;

    /// <summary>Applies <paramref name="signed"/>: null rejection and the receipt of a cross-shard transfer, or why it was refused.</summary>
    public (string? Rejection, CXReceipt? Receipt) Apply(SignedTransfer signed)
    {
        ArgumentNullException.ThrowIfNull(signed);
        var t = signed.Message;
        var sender = _accounts.TryGetValue(t.From, out var a) ? a : Account.Empty;
        if (start.Refusal(signed, sender, recoverSender) is { } refusal) return (refusal, null);
        var fee = t.Fee;
        _accounts[t.From] = new Account(sender.Balance - t.Amount - fee, sender.Nonce + 1);
        _burned += fee;
        if (!t.IsCrossShard)
        {
            var recipient = _accounts.TryGetValue(t.To, out var r) ? r : Account.Empty;
            _accounts[t.To] = recipient with { Balance = recipient.Balance + t.Amount };
            _total -= fee;
            return (null, null);
        }
        _total -= t.Amount + fee;
        _outgoing += t.Amount;
        return (null, new CXReceipt(signed.Hash, t.From, t.To, t.ShardId, t.ToShardId, t.Amount));
    }

    /// <summary>An account as the transfers applied so far left it.</summary>
    public Account AccountOf(Address address) => _accounts.TryGetValue(address, out var a) ? a : Account.Empty;

    /// <summary>The ledger after every transfer applied so far.</summary>
    public ShardLedger ToLedger() => start.With(_accounts.ToImmutable(), _total, _outgoing, _burned);
}
