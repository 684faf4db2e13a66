using HarmonySim.Protocol.Crypto;
using HarmonySim.Protocol.Crypto.Accounts;

namespace HarmonySim.Protocol.Chain.Transactions;

/// <summary>
/// A transfer as sent: the message, the chain id it was signed for, and the sender's recoverable secp256k1 signature
/// of <see cref="TransferEncoding.SigningHash"/>. A class rather than a record so that no <c>with</c> copy can carry
/// a stale cached hash.
/// </summary>
public sealed class SignedTransfer
{
    /// <summary>The largest chain id whose EIP-155 v still fits 64 bits.</summary>
    public const ulong MaxChainId = (ulong.MaxValue - 36) / 2;

    private Computed<Hash32>? _hash;
    private byte[]? _encoded;

    public SignedTransfer(Transfer message, ulong chainId, RecoverableSignature signature)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(signature);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(chainId, MaxChainId);
        Message = message;
        ChainId = chainId;
        Signature = signature;
    }

    public Transfer Message { get; }
    public ulong ChainId { get; }
    public RecoverableSignature Signature { get; }

    /// <summary>The transaction hash: Keccak-256 of the signed encoding.</summary>
    public Hash32 Hash => (_hash ??= new(Keccak256.Hash(Encoded))).Value;

    /// <summary>The canonical signed encoding (<see cref="TransferEncoding.Encode"/>); a fresh copy.</summary>
    public byte[] Encode() => (byte[])Encoded.Clone();

    private byte[] Encoded => _encoded ??= TransferEncoding.Encode(this);

    /// <summary>Signs <paramref name="message"/> with <paramref name="key"/> for <paramref name="chainId"/>.</summary>
    public static SignedTransfer Sign(Transfer message, AccountKey key, ulong chainId)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new(message, chainId, key.Sign(TransferEncoding.SigningHash(message, chainId).ToArray()));
    }

    /// <summary>The address the signature recovers to for the signed chain id, or null when it does not recover.</summary>
    public Address? RecoverSender() =>
        AccountKey.RecoverAddress(TransferEncoding.SigningHash(Message, ChainId).ToArray(), Signature) is { } a ? new Address(a) : null;

    public static Decoded<SignedTransfer> Decode(ReadOnlyMemory<byte> bytes) => TransferEncoding.Decode(bytes);

    public override string ToString() => $"{Message.From}→{Message.To} s{Message.ShardId}→s{Message.ToShardId} {Message.Amount} n{Message.Nonce} {Hash}";
}
