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
    // The recovery, once per object and mode: the message, chain id and signature never change, so neither does it.
    private Recovered? _recovered;
    private Recovered? _recoveredAllowingSimulated;
    private Computed<Hash32>? _signingHash;
    // Set by the constructor when the signer already computed it (every signed transfer of a load run): no lazy box.
    private readonly Hash32 _knownSigningHash;
    private readonly bool _signingHashKnown;

    public SignedTransfer(Transfer message, ulong chainId, RecoverableSignature signature, TransactionFormat format = TransactionFormat.HarmonySim)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(signature);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(chainId, MaxChainId);
        Message = message;
        ChainId = chainId;
        Signature = signature;
        Format = format;
    }

    private SignedTransfer(Transfer message, ulong chainId, RecoverableSignature signature, Hash32 signingHash) : this(message, chainId, signature)
    {
        _knownSigningHash = signingHash;
        _signingHashKnown = true;
    }

    public Transfer Message { get; }
    public ulong ChainId { get; }
    public RecoverableSignature Signature { get; }

    /// <summary>How the transfer is encoded and what its sender signed (the simulator's own form, or a wallet's).</summary>
    public TransactionFormat Format { get; }

    /// <summary>The transaction hash: Keccak-256 of the signed encoding.</summary>
    public Hash32 Hash => (_hash ??= new(Keccak256.Hash(Encoded))).Value;

    /// <summary>The canonical signed encoding (<see cref="TransferEncoding.Encode"/>); a fresh copy.</summary>
    public byte[] Encode() => (byte[])Encoded.Clone();

    private byte[] Encoded => _encoded ??= Format == TransactionFormat.HarmonySim ? TransferEncoding.Encode(this) : WalletTransactionEncoding.Encode(this);

    /// <summary>
    /// The encodings of <paramref name="transfers"/> for a block body, in order. The body shares each transfer's cached
    /// encoding instead of copying it (a block holds thousands): neither the transfer nor the block ever writes to it.
    /// </summary>
    public static IReadOnlyList<byte[]> BlockEncodings(IReadOnlyList<SignedTransfer> transfers)
    {
        ArgumentNullException.ThrowIfNull(transfers);
        var encodings = new byte[transfers.Count][];
        for (var i = 0; i < encodings.Length; i++) encodings[i] = transfers[i].Encoded;
        return encodings;
    }

    /// <summary>Signs <paramref name="message"/> with <paramref name="key"/> for <paramref name="chainId"/>.</summary>
    public static SignedTransfer Sign(Transfer message, AccountKey key, ulong chainId)
    {
        ArgumentNullException.ThrowIfNull(key);
        var signingHash = TransferEncoding.SigningHash(message, chainId);
        return new(message, chainId, key.Sign(signingHash.ToArray()), signingHash);
    }

    /// <summary>Signs <paramref name="message"/> as a wallet would send it (<see cref="TransactionFormat.Harmony"/> or <see cref="TransactionFormat.Ethereum"/>).</summary>
    public static SignedTransfer Sign(Transfer message, AccountKey key, ulong chainId, TransactionFormat format)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (format == TransactionFormat.HarmonySim) return Sign(message, key, chainId);
        var signingHash = WalletTransactionEncoding.SigningHash(message, format, chainId);
        return new(message, chainId, key.Sign(signingHash.ToArray()), format);
    }

    /// <summary>
    /// A transfer carrying a <see cref="SimulatedTransferSignature"/> instead of a real one: free to make, and
    /// accepted only where simulated signatures are allowed.
    /// </summary>
    public static SignedTransfer SignSimulated(Transfer message, ulong chainId)
    {
        ArgumentNullException.ThrowIfNull(message);
        var signingHash = TransferEncoding.SigningHash(message, chainId);
        return new(message, chainId, SimulatedTransferSignature.For(message, signingHash), signingHash);
    }

    /// <summary>What the sender signed (<see cref="TransferEncoding.SigningHash"/>), computed once per object.</summary>
    public Hash32 SigningHash => _signingHashKnown ? _knownSigningHash : (_signingHash ??= new(Format == TransactionFormat.HarmonySim
        ? TransferEncoding.SigningHash(Message, ChainId)
        : WalletTransactionEncoding.SigningHash(Message, Format, ChainId))).Value;

    /// <summary>Whether the signature has the simulated form (see <see cref="SimulatedTransferSignature"/>).</summary>
    public bool IsSimulated => SimulatedTransferSignature.IsSimulated(Signature);

    /// <summary>
    /// The address the signature recovers to for the signed chain id, or null when it does not recover. A simulated
    /// signature yields <c>From</c> when <paramref name="allowSimulated"/> is set and its checksum matches, null when the
    /// checksum does not; otherwise it is checked as real ECDSA, which it fails.
    /// </summary>
    public Address? RecoverSender(bool allowSimulated = false)
    {
        if (allowSimulated && IsSimulated)
            return (_recoveredAllowingSimulated ??= new Recovered(SimulatedTransferSignature.IsValid(Message, SigningHash, Signature) ? Message.From : null)).Sender;
        return (_recovered ??= new Recovered(AccountKey.RecoverAddress(SigningHash.ToArray(), Signature) is { } a ? new Address(a) : null)).Sender;
    }

    /// <summary>
    /// Decodes any of the <see cref="TransactionFormat"/>s, never throwing: the simulator's own (its tag first, or 12
    /// fields), else a wallet's by its field count (9: Ethereum, 11: Harmony).
    /// </summary>
    public static Decoded<SignedTransfer> Decode(ReadOnlyMemory<byte> bytes)
    {
        if (!RlpReader.TryDecode(bytes, out var item, out var error)) return Decoded.Failure<SignedTransfer>($"transfer: {error}");
        if (!item!.IsList || TransferEncoding.IsTagged(item) || item.Items.Count >= 12) return TransferEncoding.Decode(item);
        return item.Items.Count is 9 or 11
            ? WalletTransactionEncoding.Decode(item)
            : Decoded.Failure<SignedTransfer>($"transaction: expected a list of 9 fields (Ethereum), 11 (Harmony) or 12 (HarmonySim), got {item.Items.Count}");
    }

    public override string ToString() => $"{Message.From}→{Message.To} s{Message.ShardId}→s{Message.ToShardId} {Message.Amount} n{Message.Nonce} {Hash}";

    private sealed record Recovered(Address? Sender);
}
