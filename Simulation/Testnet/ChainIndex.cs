using System.Globalization;
using HarmonySim.Protocol.Chain.Transactions;
using HarmonySim.Protocol.Consensus;
using HarmonySim.Protocol.Crypto;

namespace HarmonySim.Simulation.Testnet;

/// <summary>
/// A shard's canonical chain as readers look it up: blocks by number and hash, transactions by either of their
/// hashes. Fed by the shard's network after each canonical commit, in order, so it only ever grows at the head. It
/// holds every block and transaction of the testnet's life (a few hundred bytes a block), which bounds how long a
/// testnet can run in memory: 43,200 blocks a day per shard at 2 s blocks.
/// </summary>
public sealed class ChainIndex(int shard)
{
    private readonly List<ChainBlock> _blocks = [];
    private readonly Dictionary<string, int> _blockByHash = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ChainTransaction> _transactions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CreditedReceipt> _credited = new(StringComparer.Ordinal);

    public ChainBlock Head => _blocks[^1];

    public ChainBlock? Block(ulong number) => number < (ulong)_blocks.Count ? _blocks[(int)number] : null;

    public ChainBlock? Block(string hash) => _blockByHash.TryGetValue(hash, out var n) ? _blocks[n] : null;

    public ChainTransaction? Transaction(string hash) => _transactions.GetValueOrDefault(hash);

    /// <summary>The cross-shard receipt this shard credited for a source transaction, by that transaction's hash, or null.</summary>
    public CreditedReceipt? Credited(string txHash) => _credited.GetValueOrDefault(txHash);

    /// <summary>Adds the next canonical block with the transfers it applied.</summary>
    public void Add(CommittedBlock committed, IReadOnlyList<SignedTransfer> transfers, IReadOnlyList<Protocol.Chain.Receipts.CXReceiptsProof>? incoming = null)
    {
        ArgumentNullException.ThrowIfNull(committed);
        ArgumentNullException.ThrowIfNull(transfers);
        if (committed.Number != (ulong)_blocks.Count)
            throw new InvalidOperationException($"shard {shard}: block {committed.Number} added after {_blocks.Count} blocks");
        var h = committed.Header;
        var hash = committed.Hash.ToString();
        var cumulative = 0UL;
        var hashes = new List<string>(transfers.Count);
        for (var i = 0; i < transfers.Count; i++)
        {
            var tx = transfers[i];
            cumulative += Transfer.IntrinsicGas;
            var other = OtherHash(tx);
            var entry = Describe(tx, committed.Number, hash, i, cumulative, h.Time) with { OtherHash = other?.ToString() };
            hashes.Add(entry.Hash);
            _transactions[entry.Hash] = entry;
            if (other is { } o) _transactions.TryAdd(o.ToString(), entry);
        }
        if (committed.Block.Body is Protocol.Staking.Beacon.BeaconBody beacon) IndexStaking(beacon, committed.Number, hash, cumulative, h.Time);
        _blocks.Add(new ChainBlock(shard, committed.Number, hash, h.ParentHash.ToString(), h.Root.ToString(), h.TxHash.ToString(), h.Coinbase.ToString(),
            h.Time, h.GasLimit, h.GasUsed, h.Epoch, h.ViewId, committed.Block.EncodedSize, hashes));
        _blockByHash[hash] = (int)committed.Number;
        foreach (var proof in incoming ?? [])
            foreach (var r in proof.Receipts)
                _credited[r.TxHash.ToString()] = new CreditedReceipt(r.TxHash.ToString(), r.From.ToString(), r.To.ToString(), r.ShardId, r.ToShardId,
                    Text(r.Amount), committed.Number, hash);
    }

    /// <summary>
    /// A beacon block's outside staking transactions, by Harmony's hash, so a wallet finds them and their receipt (the
    /// Harmony SDK's <c>confirm</c> polls <c>hmy_getTransactionReceipt</c> for staking hashes too). Indexed apart from
    /// the block's transactions, as Harmony lists them apart (their index counts staking transactions only).
    /// </summary>
    private void IndexStaking(Protocol.Staking.Beacon.BeaconBody beacon, ulong number, string blockHash, ulong cumulative, ulong time)
    {
        var index = 0;
        foreach (var stx in beacon.Staking)
        {
            if (stx.Harmony is not { } bytes || Protocol.Staking.Transactions.HarmonyStakingEncoding.Decode(bytes) is not { Ok: true, Value: { } d }) continue;
            var from = stx.Message.Sender.ToString();
            _transactions[d.Hash.ToString()] = new ChainTransaction(d.Hash.ToString(), null, "staking", shard, number, blockHash, index++,
                from, from, (uint)shard, (uint)shard, Text(stx.Deposit), d.Nonce, d.GasLimit, Text(d.GasPrice), 0, cumulative, d.ChainId,
                d.Signature.Eip155V(d.ChainId), "0x" + Convert.ToHexStringLower(d.Signature.R), "0x" + Convert.ToHexStringLower(d.Signature.S), time)
            {
                StakingDirective = stx.Message switch
                {
                    Protocol.Staking.Transactions.DelegateStake => "Delegate",
                    Protocol.Staking.Transactions.UndelegateStake => "Undelegate",
                    var m => m.GetType().Name,
                },
            };
        }
    }

    private ChainTransaction Describe(SignedTransfer tx, ulong number, string blockHash, int index, ulong cumulative, ulong time)
    {
        var m = tx.Message;
        return new ChainTransaction(tx.Hash.ToString(), null, tx.Format.ToString().ToLowerInvariant(), shard, number, blockHash, index,
            m.From.ToString(), m.To.ToString(), m.ShardId, m.ToShardId, Text(m.Amount), m.Nonce, m.GasLimit, Text(m.GasPrice),
            Transfer.IntrinsicGas, cumulative, tx.ChainId, tx.Signature.Eip155V(tx.ChainId),
            "0x" + Convert.ToHexStringLower(tx.Signature.R), "0x" + Convert.ToHexStringLower(tx.Signature.S), time);
    }

    /// <summary>
    /// A wallet transaction's hash in the other wallet form, as Harmony's node indexes both: the same fields and
    /// signature encoded as Harmony's transaction for an Ethereum one, as Ethereum's for an in-shard Harmony one.
    /// </summary>
    private static Hash32? OtherHash(SignedTransfer tx) => tx.Format switch
    {
        TransactionFormat.Ethereum => new SignedTransfer(tx.Message, tx.ChainId, tx.Signature, TransactionFormat.Harmony).Hash,
        TransactionFormat.Harmony when !tx.Message.IsCrossShard => new SignedTransfer(tx.Message, tx.ChainId, tx.Signature, TransactionFormat.Ethereum).Hash,
        _ => null,
    };

    private static string Text(System.Numerics.BigInteger value) => value.ToString(CultureInfo.InvariantCulture);
}
