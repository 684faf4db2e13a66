using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Chain.Receipts;
using HarmonySim.Protocol.Crypto;
using HarmonySim.Protocol.Sharding.Crosslinks;
using HarmonySim.Protocol.Sharding.Randomness;
using HarmonySim.Protocol.Staking.Transactions;

namespace HarmonySim.Protocol.Staking.Beacon;

/// <summary>
/// What a beacon block carries besides plain transactions: staking transactions, crosslinks from the other shards
/// (at most <see cref="MaxCrosslinks"/>, reference §3.3) and double-sign records. The header commits to each list:
/// staking transactions join the transaction root, crosslinks and slashes are the header's own fields. In a run
/// with transfers it also carries the incoming receipt proofs the beacon credits (<see cref="Incoming"/>), which the
/// header's IncomingReceiptHash commits to (<see cref="IncomingReceipts"/>).
/// </summary>
public sealed record BeaconBody(
    IReadOnlyList<SignedStakingTransaction> Staking,
    IReadOnlyList<Crosslink> Crosslinks,
    IReadOnlyList<SlashRecord> Slashes,
    IReadOnlyList<RandomnessContribution>? Randomness = null,
    IReadOnlyList<CXReceiptsProof>? Incoming = null) : IIncomingReceiptsBody
{
    /// <summary>Beacon committee members' VRF contributions to the epoch's randomness (randomness resharding only).</summary>
    public IReadOnlyList<RandomnessContribution> Contributions => Randomness ?? [];

    public const int MaxCrosslinks = 16;

    public static readonly BeaconBody Empty = new([], [], []);

    public IReadOnlyList<CXReceiptsProof> IncomingProofs => Incoming ?? [];


    /// <summary>The header's Vrf field here: an RLP list of the included (key, proof) contributions (empty bytes when none).</summary>
    public byte[] EncodeContributions()
    {
        if (Contributions.Count == 0) return [];
        var w = new RlpWriter().StartList();
        foreach (var c in Contributions) w.StartList().Bytes(c.Key.Bytes).Bytes(c.Proof).EndList();
        return w.EndList().ToArray();
    }

    /// <summary>Each staking transaction's bytes as the transaction root covers them: the simulator's canonical encoding and signature, or an outside transaction's own Harmony bytes.</summary>
    public IReadOnlyList<byte[]> StakingEncodings(ulong chainId) =>
        [.. Staking.Select(s => s.Harmony ?? (byte[])[.. StakingTransactionEncoding.Encode(s.Message, s.Nonce, chainId), .. s.Signature.ToBytes65()])];

    /// <summary>The header's CrossLinks field: an RLP list of the crosslinks (empty bytes when none).</summary>
    public byte[] EncodeCrosslinks()
    {
        if (Crosslinks.Count == 0) return [];
        var w = new RlpWriter().StartList();
        foreach (var link in Crosslinks) link.WriteTo(w);
        return w.EndList().ToArray();
    }

    /// <summary>The header's Slashes field: an RLP list of the records (empty bytes when none).</summary>
    public byte[] EncodeSlashes()
    {
        if (Slashes.Count == 0) return [];
        var w = new RlpWriter().StartList();
        foreach (var record in Slashes) record.WriteTo(w);
        return w.EndList().ToArray();
    }

    /// <summary>Null when <paramref name="header"/> commits to exactly this body (with <paramref name="transactions"/>), otherwise which part differs.</summary>
    public string? CheckAgainst(BlockHeader header, IReadOnlyList<byte[]> transactions, ulong chainId)
    {
        ArgumentNullException.ThrowIfNull(header);
        if (Block.TransactionsRoot([.. transactions, .. StakingEncodings(chainId)]) != header.TxHash) return "transactions do not match the header's TxHash";
        if (!EncodeCrosslinks().AsSpan().SequenceEqual(header.CrossLinks)) return "crosslinks do not match the header";
        if (!EncodeSlashes().AsSpan().SequenceEqual(header.Slashes)) return "slash records do not match the header";
        if (!EncodeContributions().AsSpan().SequenceEqual(header.Vrf)) return "randomness contributions do not match the header";
        return null;
    }

    /// <summary>The transaction root a header gives for <paramref name="transactions"/> plus this body's staking transactions.</summary>
    public Hash32 TransactionsRoot(IReadOnlyList<byte[]> transactions, ulong chainId) =>
        Block.TransactionsRoot([.. transactions, .. StakingEncodings(chainId)]);
}
