using System.Text;
using HarmonySim.Protocol.Crypto;
using HarmonySim.Protocol.Crypto.Accounts;

namespace HarmonySim.Protocol.Chain.Transactions;

/// <summary>
/// Canonical RLP of transfers. The signer signs Keccak-256 of
/// [tag, nonce, gasPrice, gasLimit, from, to, shard, toShard, amount, chainId] (EIP-155 style: the chain id is signed,
/// so a signature is valid on one chain only). The signed form is
/// [tag, nonce, gasPrice, gasLimit, from, to, shard, toShard, amount, v, r, s] with v = recovery id + 2·chainId + 35,
/// r and s 32 bytes each; its Keccak-256 is the transaction hash. Integers are minimal big-endian, the amount and gas
/// price minimal two's complement (<see cref="RlpValues.SignedInteger"/>). Deterministic and injective. The gas
/// fields sit where Harmony puts them (after the nonce, before the shards) but the encoding is not byte-compatible
/// with Harmony's: it carries the sender explicitly, a tag, and no payload.
/// </summary>
public static class TransferEncoding
{
    /// <summary>First item of both encodings, so a transfer's bytes can never be read as another structure.</summary>
    public const string Tag = "HarmonySim.Transfer.v2";

    private static readonly byte[] TagBytes = Encoding.ASCII.GetBytes(Tag);

    // A signed transfer encodes in about 190 bytes; room for it from the start saves a growth per encoding.
    private const int EncodedSize = 224;

    // One scratch writer per thread, reset before each use: every transaction of a load run is encoded twice (signing
    // hash, signed form), and a fresh writer each time was a large share of a transaction's allocation. Scratch only:
    // nothing written outlives the call that wrote it (the result is hashed or copied out).
    [ThreadStatic]
    private static RlpWriter? _scratch;

    private static RlpWriter Scratch() => (_scratch ??= new RlpWriter(EncodedSize)).Reset();

    /// <summary>The bytes the sender's key signs (through <see cref="SigningHash"/>).</summary>
    public static byte[] SigningPayload(Transfer transfer, ulong chainId) =>
        Fields(Scratch(), transfer).UInt(chainId).EndList().ToArray();

    public static Hash32 SigningHash(Transfer transfer, ulong chainId) =>
        Keccak256.Hash(Fields(Scratch(), transfer).UInt(chainId).EndList().WrittenSpan);

    public static byte[] Encode(SignedTransfer signed)
    {
        ArgumentNullException.ThrowIfNull(signed);
        return Fields(Scratch(), signed.Message)
            .UInt(signed.Signature.Eip155V(signed.ChainId)).Bytes(signed.Signature.R).Bytes(signed.Signature.S)
            .EndList().ToArray();
    }

    /// <summary>Decodes a signed transfer; never throws, and names the field at fault when the bytes are refused.</summary>
    public static Decoded<SignedTransfer> Decode(ReadOnlyMemory<byte> bytes)
    {
        if (!RlpReader.TryDecode(bytes, out var item, out var error)) return Decoded.Failure<SignedTransfer>($"transfer: {error}");
        return Decode(item!);
    }

    /// <summary>Whether an RLP list starts with this encoding's tag.</summary>
    public static bool IsTagged(RlpItem item) =>
        item is { IsList: true, Items.Count: > 0 } && !item.Items[0].IsList && item.Items[0].Bytes.SequenceEqual(TagBytes);

    /// <summary>Decodes a signed transfer from its RLP item; never throws.</summary>
    public static Decoded<SignedTransfer> Decode(RlpItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var f = new RlpFieldReader(item, "transfer");
        var tag = f.Bytes("tag");
        var nonce = f.UInt64("nonce");
        var gasPrice = f.SignedInteger("gasPrice");
        var gasLimit = f.UInt64("gasLimit");
        var from = f.Address("from");
        var to = f.Address("to");
        var shard = f.UInt32("shardId");
        var toShard = f.UInt32("toShardId");
        var amount = f.SignedInteger("amount");
        var v = f.UInt64("v");
        var r = f.Bytes("r", 32);
        var s = f.Bytes("s", 32);
        if (f.Finish() is { } bad) return Decoded.Failure<SignedTransfer>(bad);
        if (!tag.AsSpan().SequenceEqual(TagBytes)) return Decoded.Failure<SignedTransfer>($"transfer.tag: not '{Tag}'");
        if (Eip155Signature.Read("transfer", v, r, s, out var signature, out var chainId) is { } refused) return Decoded.Failure<SignedTransfer>(refused);
        return Decoded.Success(new SignedTransfer(new Transfer(from, to, shard, toShard, amount, nonce) { GasPrice = gasPrice, GasLimit = gasLimit }, chainId, signature));
    }

    // Opens the list and writes the tag and the transfer's fields; the caller adds the rest and closes it.
    private static RlpWriter Fields(RlpWriter w, Transfer t)
    {
        ArgumentNullException.ThrowIfNull(t);
        return w.StartList().Bytes(TagBytes).UInt(t.Nonce).SignedInteger(t.GasPrice).UInt(t.GasLimit).Bytes(t.From).Bytes(t.To)
            .UInt(t.ShardId).UInt(t.ToShardId).SignedInteger(t.Amount);
    }
}
