using HarmonySim.Protocol.Staking.Beacon;
using HarmonySim.Protocol.Staking.Transactions;
using HarmonySim.Protocol.State;
using HarmonySim.Simulation.Load;
using HarmonySim.Simulation.Staking;

namespace HarmonySim.Simulation.Testnet;

/// <summary>
/// A testnet beacon's pool of outside staking transactions (Harmony's wire form, from
/// <c>hmy_sendRawStakingTransaction</c>), owned by shard 0's network and read by its nodes' block builders beside
/// the scenario's scripted ones. A transaction is taken when it would apply on the committed head after what the
/// pool already holds: its nonce is the sender's next one on the beacon's transfer ledger (one account nonce for
/// transfers and staking, counting the sender's pooled transfers and staking transactions), the ledger balance
/// covers its deposit, and the staking rules accept it (validator known, amounts, proofs of possession under the
/// run's signature scheme). It leaves the pool when the committed ledger has used its nonce (included, or overtaken).
/// </summary>
public sealed class OutsideStakingPool(StakingWorld world, Func<BeaconState> head)
{
    private readonly List<SignedStakingTransaction> _pending = [];

    /// <summary>What waits for a beacon block, in arrival order.</summary>
    public IReadOnlyList<SignedStakingTransaction> Pending => _pending;

    /// <summary>Takes <paramref name="tx"/> when it would apply after the pool's transactions on the committed head: null, else why not.</summary>
    public string? Add(SignedStakingTransaction tx, ShardLedger ledger, ShardMempool transfers)
    {
        ArgumentNullException.ThrowIfNull(tx);
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(transfers);
        var state = head();
        var staking = state.Staking;
        var pending = ledger;
        foreach (var p in _pending) TryApply(ref pending, ref staking, p, state.Epoch, world.Rules.Staking);
        var sender = tx.Message.Sender;
        // The sender's pooled transfers come first in a block: the staking transaction's nonce follows them.
        var expected = Math.Max(transfers.NextNonce(ledger, sender), pending.AccountOf(sender).Nonce);
        if (tx.Nonce != expected) return $"Nonce: expected {expected}, got {tx.Nonce}";
        if (pending.DepositRefusal(sender, pending.AccountOf(sender).Nonce, tx.Deposit) is { } refusal) return refusal;
        var result = StakingTransactionProcessor.ApplySigned(staking, tx, state.Epoch, world.Rules.Staking);
        if (!result.Accepted) return result.Rejection!.ToString();
        _pending.Add(tx);
        return null;
    }

    /// <summary>
    /// Applies an outside staking transaction to both sides it touches, when both take it: its deposit and nonce on the
    /// beacon's transfer ledger, its message on the staking state. False, with both unchanged, when either refuses. The
    /// pool checks newcomers with it and the beacon's block builder fills its blocks with it.
    /// </summary>
    public static bool TryApply(ref ShardLedger ledger, ref Protocol.Staking.State.StakingState staking, SignedStakingTransaction tx, ulong epoch, StakingParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(tx);
        if (ledger.DepositRefusal(tx.Message.Sender, tx.Nonce, tx.Deposit) is not null) return false;
        if (StakingTransactionProcessor.ApplySigned(staking, tx, epoch, parameters).State is not { } next) return false;
        staking = next;
        ledger = ledger.Deposit(tx.Message.Sender, tx.Nonce, tx.Deposit);
        return true;
    }

    /// <summary>After a canonical beacon commit: drops what the ledger's nonces show included or overtaken.</summary>
    public void Prune(ShardLedger committed)
    {
        ArgumentNullException.ThrowIfNull(committed);
        _pending.RemoveAll(p => p.Nonce < committed.AccountOf(p.Message.Sender).Nonce);
    }
}
