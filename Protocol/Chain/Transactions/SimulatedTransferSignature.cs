using System.Text;
using HarmonySim.Protocol.Crypto;
using HarmonySim.Protocol.Crypto.Accounts;

namespace HarmonySim.Protocol.Chain.Transactions;

/// <summary>
/// A stand-in for a transfer's secp256k1 signature, for runs too large to pay real signing and recovery: a checksum,
/// not cryptography. r = Keccak-256("HarmonySim simulated tx" ‖ from ‖ signing hash), s = the ASCII bytes of
/// <see cref="MarkerText"/>, recovery id 0. Anyone can make one for any sender, so it proves nothing about who sent
/// the transfer; it only binds the sender to every signed field and the chain id, so an altered field or a replay on
/// another chain still fails exactly as with a real signature. Ledgers and pools accept it only when told to.
/// </summary>
/// <remarks>
/// The marker s is below n/2, so the simulated form survives the encoding's low-s rule and round-trips like a real
/// signature. Read as real ECDSA it recovers to an unrelated address (or none), so a party that refuses simulated
/// signatures rejects it as a bad signature without special-casing.
/// </remarks>
public static class SimulatedTransferSignature
{
    /// <summary>The 32 ASCII characters that fill s.</summary>
    public const string MarkerText = "HarmonySim simulated signature 1";

    private static readonly byte[] Domain = Encoding.ASCII.GetBytes("HarmonySim simulated tx");
    private static readonly byte[] Marker = Encoding.ASCII.GetBytes(MarkerText);

    /// <summary>The simulated signature of <paramref name="message"/>, whose signing hash (chain id included) is <paramref name="signingHash"/>.</summary>
    public static RecoverableSignature For(Transfer message, Hash32 signingHash)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new RecoverableSignature(Checksum(message, signingHash).ToArray(), (byte[])Marker.Clone(), 0);
    }

    /// <summary>Whether the signature has the simulated form's marker (whether or not its checksum is right).</summary>
    public static bool IsSimulated(RecoverableSignature signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        return signature.RecoveryId == 0 && signature.S.AsSpan().SequenceEqual(Marker);
    }

    /// <summary>Whether <paramref name="signature"/> is the simulated signature of <paramref name="message"/> with signing hash <paramref name="signingHash"/>.</summary>
    public static bool IsValid(Transfer message, Hash32 signingHash, RecoverableSignature signature) =>
        IsSimulated(signature) && signature.R.Length == Hash32.Size && new Hash32(signature.R) == Checksum(message, signingHash);

    private static Hash32 Checksum(Transfer message, Hash32 signingHash)
    {
        Span<byte> input = stackalloc byte[InputSize];
        Domain.CopyTo(input);
        message.From.WriteTo(input[Domain.Length..]);
        signingHash.WriteTo(input[(Domain.Length + Address.Size)..]);
        return Keccak256.Hash(input);
    }

    private static readonly int InputSize = Domain.Length + Address.Size + Hash32.Size;
}
