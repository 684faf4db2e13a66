using System.Collections.Immutable;
using System.Numerics;
using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Chain.Receipts;
using HarmonySim.Protocol.Chain.Transactions;
using HarmonySim.Protocol.Consensus;
using HarmonySim.Protocol.Sharding.CrossShard;
using HarmonySim.Protocol.Staking;
using HarmonySim.Protocol.Staking.State;

namespace HarmonySim.Protocol.State;

/// <summary>
/// One shard's account state for value transfers (reference §3.5): balances and nonces in address order, the
/// incoming proofs already credited, and running totals of what left the shard as receipts and what arrived. All
/// amounts are exact atto-ONE. Immutable: every change returns a new ledger.
/// </summary>
/// <remarks>
/// Conservation: across all shards, Σ balances + Σ <see cref="OutgoingTotal"/> − Σ <see cref="IncomingTotal"/> +
/// Σ <see cref="BurnedFees"/> equals what <see cref="Fund"/> minted, at every step; once every receipt is credited the
/// receipt totals cancel. Fees are burned, as in Harmony's staking era before the fee collectors (reference §4.6:
/// gas is then credited to no one); a transfer at gas price 0 burns nothing.
/// </remarks>
public sealed class ShardLedger
{
    private ShardLedger(uint shardId, uint shardCount, ulong chainId, bool acceptsSimulated, AccountDictionary accounts,
        ImmutableSortedSet<SpentProof> spent, BigInteger total, BigInteger outgoing, BigInteger incoming, BigInteger burned, BigInteger staked)
    {
        StakedTotal = staked;
        ShardId = shardId;
        ShardCount = shardCount;
        ChainId = chainId;
        AcceptsSimulatedSignatures = acceptsSimulated;
        Accounts = accounts;
        SpentProofs = spent;
        TotalBalance = total;
        OutgoingTotal = outgoing;
        IncomingTotal = incoming;
        BurnedFees = burned;
    }

    /// <summary>
    /// An empty ledger for shard <paramref name="shardId"/> of <paramref name="shardCount"/>, accepting transfers signed
    /// for <paramref name="chainId"/>, and also transfers carrying a <see cref="SimulatedTransferSignature"/> when
    /// <paramref name="acceptSimulatedSignatures"/> is set (for runs too large for real signatures).
    /// </summary>
    public static ShardLedger Genesis(uint shardId, uint shardCount, ulong chainId, bool acceptSimulatedSignatures = false)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(shardId, shardCount);
        return new(shardId, shardCount, chainId, acceptSimulatedSignatures, AccountDictionary.Empty,
            [], BigInteger.Zero, BigInteger.Zero, BigInteger.Zero, BigInteger.Zero, BigInteger.Zero);
    }

    public uint ShardId { get; }
    public uint ShardCount { get; }
    public ulong ChainId { get; }

    /// <summary>
    /// Whether a transfer may carry a <see cref="SimulatedTransferSignature"/> in place of a real one. A real signature
    /// is always checked as real ECDSA either way. A setting of the run, not state, so not part of the root.
    /// </summary>
    public bool AcceptsSimulatedSignatures { get; }

    /// <summary>Accounts by address, in address order (Harmony's byte order).</summary>
    public AccountDictionary Accounts { get; }

    /// <summary>Incoming proofs already credited, by (source shard, source block hash).</summary>
    public ImmutableSortedSet<SpentProof> SpentProofs { get; }

    /// <summary>Σ balances on this shard.</summary>
    public BigInteger TotalBalance { get; }

    /// <summary>Σ amounts of the cross-shard receipts this shard emitted (debited here, owed elsewhere).</summary>
    public BigInteger OutgoingTotal { get; }

    /// <summary>Σ amounts of the incoming receipts this shard credited.</summary>
    public BigInteger IncomingTotal { get; }

    /// <summary>Σ fees the transfers applied here paid: taken from their senders and credited to no one.</summary>
    public BigInteger BurnedFees { get; }

    /// <summary>
    /// Σ what outside staking transactions moved from this (the beacon's) ledger into the staking state: a testnet's
    /// wallets have one balance, and staking spends it (<see cref="Deposit"/>). Zero elsewhere.
    /// </summary>
    public BigInteger StakedTotal { get; }

    /// <summary>
    /// The chain id a transfer in <paramref name="format"/> must be signed for here: this ledger's (Harmony's) chain
    /// id, or for an Ethereum transaction this shard's Ethereum-compatible one (<see cref="EthChainId"/>).
    /// </summary>
    public ulong ChainIdFor(TransactionFormat format) => format == TransactionFormat.Ethereum ? EthChainId.Of(ChainId, ShardId) : ChainId;

    public Account AccountOf(Address address) => Accounts.TryGetValue(address, out var a) ? a : Account.Empty;

    public bool IsSpent(uint sourceShard, Crypto.Hash32 blockHash) => SpentProofs.Contains(new SpentProof(sourceShard, blockHash));

    /// <summary>Genesis funding: adds to a balance, changing total supply.</summary>
    public ShardLedger Fund(Address address, BigInteger amount) => Fund([(address, amount)]);

    /// <summary>Genesis funding of many accounts at once, in order (an address may appear more than once).</summary>
    public ShardLedger Fund(IEnumerable<(Address Address, BigInteger Amount)> grants)
    {
        ArgumentNullException.ThrowIfNull(grants);
        var batch = new LedgerBatch(this);
        foreach (var (address, amount) in grants) batch.Fund(address, amount);
        return batch.ToLedger();
    }

    /// <summary>
    /// Applies a signed transfer. Refused unless it was signed for this chain, is sent on this shard to an existing
    /// shard, moves a positive amount, offers at least the intrinsic gas at a non-negative price, is signed by its
    /// <c>From</c>, carries the sender's next nonce and the sender's balance covers the amount plus the whole gas
    /// allowance (<see cref="Transfer.MaxCost"/>). The sender then pays the amount and the fee for the gas used
    /// (<see cref="Transfer.Fee"/>), which is burned. A same-shard transfer credits the recipient here; a cross-shard
    /// one only debits and returns the receipt the destination will credit.
    /// </summary>
    /// <param name="signed">The transfer.</param>
    /// <param name="recoverSender">
    /// Who signed: by default <see cref="SignedTransfer.RecoverSender"/> under this ledger's
    /// <see cref="AcceptsSimulatedSignatures"/>; a caller may pass a memoised equivalent so that one recovery serves
    /// every ledger checking the same bytes.
    /// </param>
    public TransferResult ApplyTransfer(SignedTransfer signed, Func<SignedTransfer, Address?>? recoverSender = null)
    {
        var batch = new LedgerBatch(this, recoverSender);
        var (rejection, receipt) = batch.Apply(signed);
        return rejection is null ? new(batch.ToLedger(), receipt, null) : TransferResult.Reject(rejection);
    }

    /// <summary>
    /// Why <paramref name="signed"/> cannot apply on top of <paramref name="sender"/>'s account here, or null: the
    /// checks of <see cref="ApplyTransfer"/>, in its order (one home for a block's, a batch's and a single transfer's).
    /// </summary>
    internal string? Refusal(SignedTransfer signed, Account sender, Func<SignedTransfer, Address?>? recoverSender)
    {
        ArgumentNullException.ThrowIfNull(signed);
        var t = signed.Message;
        var chainId = ChainIdFor(signed.Format);
        if (signed.ChainId != chainId) return $"ChainId: signed for chain {signed.ChainId}, this is chain {chainId}";
        if (t.ShardId != ShardId) return $"ShardId: sent on shard {t.ShardId}, this is shard {ShardId}";
        if (t.ToShardId >= ShardCount) return $"ToShardId: no shard {t.ToShardId} (there are {ShardCount})";
        if (t.Amount.Sign <= 0) return $"Amount: must be positive, got {t.Amount}";
        if (t.GasLimit < Transfer.IntrinsicGas) return $"GasLimit: intrinsic gas too low, {t.GasLimit} < {Transfer.IntrinsicGas}";
        if (t.GasPrice.Sign < 0) return $"GasPrice: must not be negative, got {t.GasPrice}";
        if ((recoverSender is null ? signed.RecoverSender(AcceptsSimulatedSignatures) : recoverSender(signed)) != t.From) return $"Signature: is not a signature by the sender {t.From} for chain {ChainId}";
        if (t.Nonce != sender.Nonce) return $"Nonce: expected {sender.Nonce}, got {t.Nonce}";
        if (sender.Balance < t.MaxCost)
        {
            return t.GasPrice.IsZero
                ? $"Amount: {t.Amount} exceeds the balance {sender.Balance}"
                : $"Amount: {t.Amount} plus gas {t.GasLimit} × {t.GasPrice} exceeds the balance {sender.Balance}";
        }
        return null;
    }

    /// <summary>
    /// Credits the receipts of an incoming proof, once: <see cref="LedgerBatch.ApplyIncoming"/> on this ledger alone.
    /// </summary>
    public IncomingResult ApplyIncoming(CXReceiptsProof proof, ICommitteeProvider committees, int maxReceipts = int.MaxValue)
    {
        var batch = new LedgerBatch(this);
        return batch.ApplyIncoming(proof, committees, maxReceipts) is { } rejection ? IncomingResult.Reject(rejection) : new(batch.ToLedger(), null);
    }

    /// <summary>A ledger with these accounts, spent proofs and totals (a batch's result).</summary>
    internal ShardLedger With(AccountDictionary accounts, ImmutableSortedSet<SpentProof> spent,
        BigInteger total, BigInteger outgoing, BigInteger incoming, BigInteger burned) =>
        new(ShardId, ShardCount, ChainId, AcceptsSimulatedSignatures, accounts, spent, total, outgoing, incoming, burned, StakedTotal);

    /// <summary>
    /// Why an outside staking transaction of <paramref name="sender"/> with <paramref name="nonce"/> cannot take
    /// <paramref name="amount"/> from this ledger, or null: the nonce must be the account's next (staking and
    /// transfers share it, as in Harmony) and the balance must cover the amount.
    /// </summary>
    public string? DepositRefusal(Address sender, ulong nonce, BigInteger amount)
    {
        var account = AccountOf(sender);
        if (nonce != account.Nonce) return $"Nonce: expected {account.Nonce}, got {nonce}";
        if (amount.Sign < 0) return $"Amount: must not be negative, got {amount}";
        if (account.Balance < amount) return $"Amount: staking {amount} exceeds the balance {account.Balance}";
        return null;
    }

    /// <summary>
    /// An outside staking transaction spends from this ledger: the amount leaves the sender's balance for the staking
    /// state (counted in <see cref="StakedTotal"/>) and the nonce advances. Throws when <see cref="DepositRefusal"/> refuses.
    /// </summary>
    public ShardLedger Deposit(Address sender, ulong nonce, BigInteger amount)
    {
        if (DepositRefusal(sender, nonce, amount) is { } refusal) throw new InvalidOperationException(refusal);
        var account = AccountOf(sender);
        var accounts = Accounts.ToBuilder();
        accounts[sender] = new Account(account.Balance - amount, account.Nonce + 1);
        return new(ShardId, ShardCount, ChainId, AcceptsSimulatedSignatures, accounts.ToImmutable(),
            SpentProofs, TotalBalance - amount, OutgoingTotal, IncomingTotal, BurnedFees, StakedTotal + amount);
    }

    public override string ToString() =>
        $"shard {ShardId}: {Accounts.Count} accounts, balance {TotalBalance}, out {OutgoingTotal}, in {IncomingTotal}, burned {BurnedFees}, {SpentProofs.Count} proofs spent";
}
