using HarmonySim.Protocol.Crypto;

namespace HarmonySim.Protocol.Chain;

/// <summary>What a block carries besides plain transactions (the beacon chain's staking transactions, crosslinks and slashes).</summary>
public interface IBlockBody;

/// <summary>
/// A header and its body. The body is a list of encoded transactions whose root is the header's TxHash, plus an
/// optional typed part (<see cref="Body"/>) whose parts the header also commits to.
/// </summary>
public sealed class Block
{
    public Block(BlockHeader header, IReadOnlyList<byte[]>? transactions = null, IBlockBody? body = null)
    {
        Header = header;
        Transactions = transactions ?? [];
        Body = body;
    }

    public BlockHeader Header { get; }
    public IReadOnlyList<byte[]> Transactions { get; }

    /// <summary>
    /// The block's RLP size as Harmony sends it in ANNOUNCE and PREPARED: a list of the header, the transactions and
    /// three empty lists (uncles, incoming receipts, staking transactions). The header is this project's v3 encoding,
    /// whose 20-byte tag stands in for Harmony's tagged-RLP envelope (within a few bytes). Computed once per block.
    /// </summary>
    public int EncodedSize => _encodedSize ??= RlpWriter.ListSize(Header.Encode().Length + RlpWriter.ListSize(TransactionsPayload()) + 3);

    private int? _encodedSize;

    private int TransactionsPayload()
    {
        var payload = 0;
        foreach (var tx in Transactions) payload += RlpWriter.StringSize(tx);
        return payload;
    }

    public IBlockBody? Body { get; }

    public Hash32 Hash => Header.Hash;
    public ulong Number => Header.Number;

    /// <summary>A shard's block 0: empty, at <paramref name="unixTime"/>, with the first leader's coinbase.</summary>
    public static Block Genesis(uint shardId, ulong unixTime, Address coinbase) => new(new BlockHeader
    {
        Number = 0,
        ShardId = shardId,
        Time = unixTime,
        Coinbase = coinbase,
        TxHash = EmptyTransactionsRoot,
    });

    /// <summary>The root a header commits to for a list of encoded transactions.</summary>
    /// <remarks>Keccak-256 of the RLP list of the transactions, hashed as it is produced: a full block's list is
    /// hundreds of kilobytes, which as one buffer per block would land on the large-object heap.</remarks>
    public static Hash32 TransactionsRoot(IReadOnlyList<byte[]> transactions)
    {
        ArgumentNullException.ThrowIfNull(transactions);
        var payload = 0;
        foreach (var tx in transactions) payload += RlpWriter.StringSize(tx);
        var hash = Keccak256.Start();
        RlpWriter.HashListHeader(hash, payload);
        foreach (var tx in transactions) RlpWriter.HashString(hash, tx);
        return hash.Finish();
    }

    /// <summary>True when the body matches the header's transaction root.</summary>
    public bool BodyMatchesHeader() => (_bodyMatches ??= new((Transactions.Count == 0 ? EmptyTransactionsRoot : TransactionsRoot(Transactions)) == Header.TxHash)).Value;

    /// <summary>The transaction root of an empty body.</summary>
    public static readonly Hash32 EmptyTransactionsRoot = TransactionsRoot([]);

    private Computed<bool>? _bodyMatches;

    public override string ToString() => Header.ToString();
}
