using HarmonySim.Protocol.Crypto.Accounts;

namespace HarmonySim.Protocol.Chain.Transactions;

/// <summary>
/// The signature fields every transaction form here carries (the simulator's transfers, wallet transfers, Harmony's
/// staking transactions): EIP-155's v = recovery id + 2·chainId + 35, and r, s with s in the low half of the group order
/// (EIP-2, as Harmony's and geth's signers require). One reading, so every decoder refuses the same way.
/// </summary>
internal static class Eip155Signature
{
    // Half the secp256k1 group order.
    private static readonly byte[] HalfOrder = Convert.FromHexString("7FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF5D576E7357A4501DDFE92F46681B20A0");

    /// <summary>
    /// The signature and the signed chain id, or the reason they are refused, naming <paramref name="name"/>'s v or s.
    /// r and s are unsigned big-endian of at most 32 bytes (left-padded here).
    /// </summary>
    public static string? Read(string name, ulong v, byte[] r, byte[] s, out RecoverableSignature signature, out ulong chainId)
    {
        signature = null!;
        chainId = 0;
        if (v < 35) return $"{name}.v: {v} is not an EIP-155 value (a chain id must be signed)";
        var paddedS = Padded(s);
        if (paddedS.AsSpan().SequenceCompareTo(HalfOrder) > 0) return $"{name}.s: high s (signatures must use s ≤ n/2)";
        chainId = (v - 35) / 2;
        signature = new RecoverableSignature(Padded(r), paddedS, (int)((v - 35) % 2));
        return null;
    }

    private static byte[] Padded(byte[] value) => value.Length == 32 ? value : [.. new byte[32 - value.Length], .. value];
}
