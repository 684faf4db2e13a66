using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Crypto;

namespace HarmonySim.Protocol.State;

/// <summary>
/// A commitment to a shard's transfer ledger, which a block header carries as its <c>Root</c>: Keccak-256 of the RLP
/// list [shardId, [[address, balance, nonce] in address order], [[sourceShard, blockHash] of spent proofs in order],
/// outgoingTotal, incomingTotal, burnedFees, stakedTotal when not zero]. A flat hash, not Harmony's state trie: validators hold the whole ledger, so it
/// only has to tell two ledgers apart. It costs one pass over the accounts, which suits the scripted accounts of a run.
/// </summary>
public static class LedgerRoot
{
    public static Hash32 Of(ShardLedger ledger)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        // Hashed as it is produced, in two passes over the accounts (their list's length comes first): thousands of
        // accounts would otherwise make a buffer of a megabyte per block on the large-object heap.
        var head = new RlpWriter().UInt(ledger.ShardId).ToArray();
        var tail = new RlpWriter().StartList();
        foreach (var spent in ledger.SpentProofs) tail.StartList().UInt(spent.SourceShard).Bytes(spent.BlockHash).EndList();
        tail.EndList().SignedInteger(ledger.OutgoingTotal).SignedInteger(ledger.IncomingTotal)
            .SignedInteger(ledger.BurnedFees);
        // Only a testnet beacon whose wallets staked has a staked total: other ledgers keep the root they always had.
        if (!ledger.StakedTotal.IsZero) tail.SignedInteger(ledger.StakedTotal);
        var scratch = new RlpWriter();
        var accounts = 0;
        foreach (var (address, account) in ledger.Accounts) accounts += Entry(scratch, address, account).Length;
        var hash = Keccak256.Start();
        RlpWriter.HashListHeader(hash, head.Length + RlpWriter.ListSize(accounts) + tail.WrittenSpan.Length);
        hash.Update(head);
        RlpWriter.HashListHeader(hash, accounts);
        foreach (var (address, account) in ledger.Accounts) hash.Update(Entry(scratch, address, account));
        hash.Update(tail.WrittenSpan);
        return hash.Finish();
    }

    /// <summary>[address, balance, nonce], encoded into the scratch writer (valid until its next use).</summary>
    private static ReadOnlySpan<byte> Entry(RlpWriter scratch, Address address, Staking.State.Account account) =>
        scratch.Reset().StartList().Bytes(address).SignedInteger(account.Balance).UInt(account.Nonce).EndList().WrittenSpan;
}
