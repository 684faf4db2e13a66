using HarmonySim.Protocol.Crypto;
using HarmonySim.Protocol.Crypto.Accounts;

namespace HarmonySim.Protocol.Chain.Transactions;

/// <summary>
/// The RLP of transactions as wallets send them (<see cref="TransactionFormat.Harmony"/> and
/// <see cref="TransactionFormat.Ethereum"/>), byte-compatible with Harmony's node and with Ethereum's legacy form.
/// The signer signs Keccak-256 of the fields with the payload, then [chainId, 0, 0] (EIP-155); the signed form ends
/// in v = recovery id + 2·chainId + 35, r, s, and its Keccak-256 is the transaction hash. Only value transfers are
/// executed here, so a payload or a contract creation (empty recipient) is refused when decoding, with its field named.
/// The sender is not in the bytes: decoding recovers it, and refuses a signature that does not recover.
/// </summary>
public static class WalletTransactionEncoding
{
    public static Hash32 SigningHash(Transfer transfer, TransactionFormat format, ulong chainId) =>
        Keccak256.Hash(Fields(new RlpWriter(), transfer, format).UInt(chainId).UInt(0).UInt(0).EndList().WrittenSpan);

    public static byte[] Encode(SignedTransfer signed)
    {
        ArgumentNullException.ThrowIfNull(signed);
        return Fields(new RlpWriter(), signed.Message, signed.Format)
            .UInt(signed.Signature.Eip155V(signed.ChainId)).Bytes(Minimal(signed.Signature.R)).Bytes(Minimal(signed.Signature.S))
            .EndList().ToArray();
    }

    /// <summary>Decodes a wallet's transaction (Harmony's form when the list has 11 items, Ethereum's with 9); never throws.</summary>
    public static Decoded<SignedTransfer> Decode(RlpItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var format = item.Items.Count == 11 ? TransactionFormat.Harmony : TransactionFormat.Ethereum;
        var name = format == TransactionFormat.Harmony ? "harmony transaction" : "ethereum transaction";
        var f = new RlpFieldReader(item, name);
        var nonce = f.UInt64("nonce");
        var gasPrice = f.Bytes("gasPrice", maxLength: 32);
        var gasLimit = f.UInt64("gasLimit");
        var shard = format == TransactionFormat.Harmony ? f.UInt32("shardID") : 0;
        var toShard = format == TransactionFormat.Harmony ? f.UInt32("toShardID") : 0;
        var to = f.Bytes("to", maxLength: Address.Size);
        var amount = f.Bytes("value", maxLength: 32);
        var payload = f.Bytes("data");
        var v = f.UInt64("v");
        var r = f.Bytes("r", maxLength: 32);
        var s = f.Bytes("s", maxLength: 32);
        if (f.Finish() is { } bad) return Decoded.Failure<SignedTransfer>(bad);
        if (gasPrice is [0, ..] || amount is [0, ..] || r is [0, ..] || s is [0, ..]) return Decoded.Failure<SignedTransfer>($"{name}: non-canonical integer with a leading zero byte");
        if (to.Length != Address.Size) return Decoded.Failure<SignedTransfer>($"{name}.to: contract creation is not supported (value transfers only)");
        if (payload.Length > 0) return Decoded.Failure<SignedTransfer>($"{name}.data: a payload is not supported (value transfers only)");
        if (Eip155Signature.Read(name, v, r, s, out var signature, out var chainId) is { } refused) return Decoded.Failure<SignedTransfer>(refused);
        if (format == TransactionFormat.Ethereum)
        {
            if (EthChainId.ShardOf(chainId) is not { } ethShard) return Decoded.Failure<SignedTransfer>($"{name}.v: chain id {chainId} is not a Harmony Ethereum-compatible chain id");
            (shard, toShard) = (ethShard, ethShard);
        }
        var message = new Transfer(Address.Zero, new Address(to), shard, toShard, Unsigned(amount), nonce) { GasPrice = Unsigned(gasPrice), GasLimit = gasLimit };
        var hash = SigningHash(message, format, chainId);
        if (AccountKey.RecoverAddress(hash.ToArray(), signature) is not { } sender) return Decoded.Failure<SignedTransfer>($"{name}: the signature does not recover a sender");
        return Decoded.Success(new SignedTransfer(message with { From = new Address(sender) }, chainId, signature, format));
    }

    private static RlpWriter Fields(RlpWriter w, Transfer t, TransactionFormat format)
    {
        ArgumentNullException.ThrowIfNull(t);
        w.StartList().UInt(t.Nonce).Bytes(Unsigned(t.GasPrice)).UInt(t.GasLimit);
        if (format == TransactionFormat.Harmony) w.UInt(t.ShardId).UInt(t.ToShardId);
        return w.Bytes(t.To).Bytes(Unsigned(t.Amount)).Bytes([]);
    }

    // Ethereum's and Harmony's integers are unsigned minimal big-endian (zero is the empty string), not two's complement.
    private static byte[] Unsigned(System.Numerics.BigInteger value) => value.IsZero ? [] : value.ToByteArray(isUnsigned: true, isBigEndian: true);

    private static System.Numerics.BigInteger Unsigned(byte[] bytes) => new(bytes, isUnsigned: true, isBigEndian: true);

    private static byte[] Minimal(byte[] value) => value.AsSpan().TrimStart((byte)0).ToArray();
}
