using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Chain.Transactions;
using HarmonySim.Protocol.Numeric;

namespace HarmonySim.Simulation.Load;

/// <summary>
/// What a load account sends with a given nonce: same-shard or cross-shard (by the source's mix), the destination
/// shard and the recipient, drawn from SplitMix64 of (seed, source, account, nonce). A transaction is therefore fixed
/// by its sender and nonce alone: a client whose transaction the pool refused sends the very same one again with
/// its next turn, and a run can sign all its transactions before it starts.
/// </summary>
public sealed class TransferContent(ulong seed, int sourceIndex, LoadAccounts accounts, int shard, int shards, ulong chainId, Plans.TransactionSigning signing)
{
    private readonly System.Numerics.BigInteger _amount = Transfers.TransferWorld.ToAtto(accounts.Source.Mix.Amount);
    private readonly System.Numerics.BigInteger _gasPrice = accounts.Source.Mix.GasPrice;
    private readonly double _crossShare = (double)accounts.Source.Mix.CrossShardShare;

    public Transfer Message(int account, ulong nonce, IReadOnlyList<int> local)
    {
        ArgumentNullException.ThrowIfNull(local);
        var state = seed ^ ((ulong)(uint)sourceIndex << 48) ^ ((ulong)(uint)account << 20) ^ (nonce * 0x9E3779B97F4A7C15UL);
        var crossShard = shards > 1 && Unit(ref state) < _crossShare;
        var toShard = crossShard ? (shard + 1 + (int)(SplitMix64.Next(ref state) % (ulong)(shards - 1))) % shards : shard;
        Address recipient = crossShard
            ? accounts.Addresses[(int)(SplitMix64.Next(ref state) % (ulong)accounts.Count)]
            : accounts.Addresses[local[(int)(SplitMix64.Next(ref state) % (ulong)local.Count)]];
        return new Transfer(accounts.Addresses[account], recipient, (uint)shard, (uint)toShard, _amount, nonce)
        {
            GasPrice = _gasPrice,
            GasLimit = Transfer.IntrinsicGas,
        };
    }

    /// <summary>Account <paramref name="account"/>'s transaction with <paramref name="nonce"/>, signed as the plan says.</summary>
    public SignedTransfer Signed(int account, ulong nonce, IReadOnlyList<int> local)
    {
        var message = Message(account, nonce, local);
        return signing == Plans.TransactionSigning.Simulated
            ? SignedTransfer.SignSimulated(message, chainId)
            : SignedTransfer.Sign(message, accounts.KeyOf(account), chainId);
    }

    private static double Unit(ref ulong state) => SplitMix64.Unit(SplitMix64.Next(ref state));
}
