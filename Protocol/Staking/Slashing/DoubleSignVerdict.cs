using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Crypto;

namespace HarmonySim.Protocol.Staking.Slashing;

/// <summary>The outcome of checking double-sign evidence: accepted with the offender's address and the double-signed keys, or rejected with a reason.</summary>
public sealed record DoubleSignVerdict(bool IsAccepted, string Reason, Address Offender, IReadOnlyList<PublicKey> DoubleSignedKeys)
{
    public static DoubleSignVerdict Reject(string reason) => new(false, reason, Address.Zero, []);

    public static DoubleSignVerdict Accept(Address offender, IReadOnlyList<PublicKey> keys) => new(true, "", offender, keys);
}
