using System.Globalization;
using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Chain.Transactions;
using HarmonySim.Protocol.Consensus;
using HarmonySim.Protocol.Staking.Transactions;
using HarmonySim.Protocol.State;
using HarmonySim.Simulation.Load;
using HarmonySim.Simulation.Observer;
using HarmonySim.Simulation.Transfers;

namespace HarmonySim.Simulation.Testnet;

/// <summary>
/// A testnet shard's door to the outside, owned by its network: transactions submitted from outside enter the
/// shard's mempool at the network's current virtual time (the host chooses it and journals it, so a replay submits
/// the same bytes at the same time and gets the same chain), and readers look up the canonical chain and the
/// committed ledger. Every accepted submission is logged, so it is part of the event log and the run's digest.
/// </summary>
public sealed class OutsideInput(int shard, ShardMempool mempool, bool ownsPool, Func<ShardLedger> head, ShardObserver observer)
{
    private readonly ChainIndex _chain = new(shard);

    public ShardMempool Mempool => mempool;

    /// <summary>A testnet beacon's pool of outside staking transactions (shard 0 with staking), else null.</summary>
    public OutsideStakingPool? Staking { get; init; }

    public ChainIndex Chain => _chain;

    /// <summary>The committed ledger's account (zero balance and nonce when it never appeared).</summary>
    public AccountState Account(Address address)
    {
        var ledger = head();
        var account = ledger.AccountOf(address);
        var pending = mempool.NextNonce(ledger, address);
        // A pooled staking transaction holds the sender's next nonce too (one account nonce for transfers and staking).
        if (Staking is not null)
            foreach (var tx in Staking.Pending)
                if (tx.Message.Sender == address && tx.Nonce == pending) pending++;
        return new AccountState(account.Balance.ToString(CultureInfo.InvariantCulture), account.Nonce, pending);
    }

    /// <summary>
    /// Offers encoded transactions to the pool at <paramref name="now"/>, in order: for each, null when the pool took
    /// it, else why not (the decoder's message naming the field, or the pool's rejection reason).
    /// </summary>
    public IReadOnlyList<string?> Submit(TimeSpan now, IReadOnlyList<byte[]> transactions)
    {
        ArgumentNullException.ThrowIfNull(transactions);
        var answers = new string?[transactions.Count];
        for (var i = 0; i < transactions.Count; i++)
        {
            if (Staking is not null && HarmonyStakingEncoding.IsStakingShape(transactions[i]))
            {
                answers[i] = SubmitStaking(now, transactions[i]);
                continue;
            }
            var decoded = SignedTransfer.Decode(transactions[i]);
            if (!decoded.Ok)
            {
                answers[i] = decoded.Error;
                continue;
            }
            var tx = decoded.Value!;
            answers[i] = mempool.Add(tx, head()).Rejection;
            if (answers[i] is null)
                observer.Log(now, "outside_transaction", ("tx", tx.Hash.ToString()), ("format", tx.Format.ToString().ToLowerInvariant()),
                    ("from", tx.Message.From.ToString()), ("nonce", tx.Message.Nonce.ToString(CultureInfo.InvariantCulture)));
        }
        return answers;
    }

    /// <summary>
    /// An outside staking transaction (Harmony's wire form) for the beacon's staking pool: decoded with its signature
    /// checked, signed for this chain, then taken when it would apply (<see cref="OutsideStakingPool.Add"/>).
    /// </summary>
    private string? SubmitStaking(TimeSpan now, byte[] bytes)
    {
        var decoded = HarmonyStakingEncoding.Decode(bytes);
        if (!decoded.Ok) return decoded.Error;
        var ledger = head();
        if (decoded.Value!.ChainId != ledger.ChainId) return $"ChainId: signed for chain {decoded.Value.ChainId}, this is chain {ledger.ChainId}";
        var tx = SignedStakingTransaction.FromHarmony(decoded.Value, bytes);
        if (Staking!.Add(tx, ledger, mempool) is { } refusal) return refusal;
        observer.Log(now, "outside_staking_transaction", ("tx", decoded.Value.Hash.ToString()), ("kind", tx.Message.GetType().Name),
            ("from", tx.Message.Sender.ToString()), ("nonce", tx.Nonce.ToString(CultureInfo.InvariantCulture)));
        return null;
    }

    /// <summary>The genesis block starts the index.</summary>
    public void Genesis(CommittedBlock genesis) => _chain.Add(genesis, []);

    /// <summary>After a canonical commit: index it and, when no load traffic prunes the pool, drop what it made stale.</summary>
    public void Committed(CommittedBlock committed, TransferState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        _chain.Add(committed, state.Transfers, state.Incoming);
        if (ownsPool) mempool.Prune(state.Ledger);
        Staking?.Prune(state.Ledger);
    }
}
