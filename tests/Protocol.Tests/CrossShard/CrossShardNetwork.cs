using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Chain.Receipts;
using HarmonySim.Protocol.Chain.Transactions;
using HarmonySim.Protocol.Consensus;
using HarmonySim.Protocol.Consensus.Messages;
using HarmonySim.Protocol.Crypto;
using HarmonySim.Protocol.Crypto.Accounts;
using HarmonySim.Protocol.Crypto.Simulated;
using HarmonySim.Protocol.Sharding.CrossShard;

namespace HarmonySim.Protocol.Tests.CrossShard;

/// <summary>
/// Test data for cross-shard transfers: a few shards, each with its own committee of simulated BLS keys (so a
/// committee's commit signature is a real aggregate that only its members can make), secp256k1 accounts, and
/// committed source blocks whose headers commit to their outgoing receipts.
/// </summary>
internal sealed class CrossShardNetwork : ICommitteeProvider
{
    public const ulong ChainId = 2;
    public const int CommitteeSize = 7;

    // One scheme for every test: keys and signatures agree across instances with the same seed anyway.
    public static readonly SimulatedSignatureScheme Scheme = new(0xc5);

    private static readonly Lazy<AccountKey[]> AccountKeys = new(() =>
        [.. Enumerable.Range(0, 8).Select(i => AccountKey.FromSecret(SHA256.HashData(Encoding.ASCII.GetBytes($"cross-shard account {i}"))))]);

    public CrossShardNetwork(int shards)
    {
        Keys = [.. Enumerable.Range(0, shards).Select(s =>
            Enumerable.Range(0, CommitteeSize).Select(i => Scheme.CreateKey(SHA256.HashData(Encoding.ASCII.GetBytes($"shard {s} key {i}")))).ToArray())];
        Committees = [.. Enumerable.Range(0, shards).Select(s =>
            new Committee((uint)s, 0, [.. Keys[s].Select(k => new CommitteeSlot(k.Public, Address.OfBlsKey(k.Public.Bytes)))], Scheme))];
    }

    public KeyPair[][] Keys { get; }
    public Committee[] Committees { get; }
    public int ShardCount => Committees.Length;

    /// <summary>Committee members 0..4: ⌊2·7/3⌋ + 1 = 5 signers, the smallest quorum.</summary>
    public static readonly int[] Quorum = [0, 1, 2, 3, 4];

    public Committee CommitteeFor(uint shardId, ulong epoch) =>
        shardId < Committees.Length ? Committees[shardId] : throw new ArgumentException($"no committee for shard {shardId}", nameof(shardId));

    public static AccountKey Account(int i) => AccountKeys.Value[i];

    public static Address Addr(int i) => new(Account(i).Address);

    public static SignedTransfer Transfer(int from, int to, uint shard, uint toShard, BigInteger amount, ulong nonce, ulong chainId = ChainId) =>
        SignedTransfer.Sign(new Transfer(Addr(from), Addr(to), shard, toShard, amount, nonce), Account(from), chainId);

    /// <summary>A header of shard <paramref name="shard"/> at <paramref name="number"/> committing to <paramref name="outgoing"/>.</summary>
    public static BlockHeader Header(uint shard, ulong number, IReadOnlyList<CXReceipt> outgoing, IReadOnlyList<SignedTransfer>? transfers = null) => new()
    {
        ShardId = shard,
        Number = number,
        ViewId = number,
        Epoch = 0,
        Time = 1_700_000_000 + (2 * number),
        TxHash = Block.TransactionsRoot([.. (transfers ?? []).Select(t => t.Encode())]),
        OutgoingReceiptHash = OutgoingReceipts.Hash(outgoing),
    };

    /// <summary>The aggregate COMMIT signature of <paramref name="signers"/> of shard <paramref name="keysOf"/>'s committee over <paramref name="payload"/>.</summary>
    public Signature Sign(int keysOf, byte[] payload, IEnumerable<int> signers) =>
        Scheme.Aggregate(signers.Select(i => Scheme.Sign(Keys[keysOf][i].Secret, payload)));

    /// <summary>A committed block of <paramref name="shard"/>, signed by a quorum of its committee unless told otherwise.</summary>
    public CommittedBlock Commit(uint shard, ulong number, IReadOnlyList<CXReceipt> outgoing, IReadOnlyList<SignedTransfer>? transfers = null, int[]? signers = null)
    {
        var header = Header(shard, number, outgoing, transfers);
        var who = signers ?? Quorum;
        return new CommittedBlock(new Block(header, [.. (transfers ?? []).Select(t => t.Encode())]),
            Sign((int)shard, SigningPayloads.Commit(header), who), SignerBitmap.Of(CommitteeSize, who), header.ViewId);
    }

    /// <summary>The proof of <paramref name="block"/>'s receipts to <paramref name="destination"/>.</summary>
    public static CXReceiptsProof Proof(CommittedBlock block, IReadOnlyList<CXReceipt> outgoing, uint destination) =>
        CXReceiptsProofBuilder.Build(block, outgoing, destination) ?? throw new InvalidOperationException($"no receipts to shard {destination}");

    public static CXReceipt Receipt(int from, int to, uint shard, uint toShard, BigInteger amount, byte tx = 1) =>
        new(new Hash32(Enumerable.Repeat(tx, Hash32.Size).ToArray()), Addr(from), Addr(to), shard, toShard, amount);
}
