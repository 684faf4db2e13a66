using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Crypto;

namespace HarmonySim.Protocol.State;

/// <summary>
/// A commitment to a shard's transfer ledger, which a block header carries as its <c>Root</c>: Keccak-256 of the RLP
/// list [shardId, [[address, balance, nonce] in address order], [[sourceShard, blockHash] of spent proofs in order],
/// outgoingTotal, incomingTotal, burnedFees]. A flat hash, not Harmony's state trie: validators hold the whole ledger, so it
/// only has to tell two ledgers apart. It costs one pass over the accounts, which suits the scripted accounts of a run.
/// </summary>
public static class LedgerRoot
{
    public static Hash32 Of(ShardLedger ledger)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        var w = new RlpWriter().StartList().UInt(ledger.ShardId).StartList();
        foreach (var (address, account) in ledger.Accounts)
            w.StartList().Bytes(address.ToArray()).Bytes(RlpValues.SignedInteger(account.Balance)).UInt(account.Nonce).EndList();
        w.EndList().StartList();
        foreach (var spent in ledger.SpentProofs) w.StartList().UInt(spent.SourceShard).Bytes(spent.BlockHash.ToArray()).EndList();
        w.EndList().Bytes(RlpValues.SignedInteger(ledger.OutgoingTotal)).Bytes(RlpValues.SignedInteger(ledger.IncomingTotal))
            .Bytes(RlpValues.SignedInteger(ledger.BurnedFees));
        return Keccak256.Hash(w.EndList().WrittenSpan);
    }
}
