using HarmonySim.Protocol.Crypto;
using HarmonySim.Protocol.Crypto.Vdf;

namespace HarmonySim.Protocol.Sharding.Randomness;

/// <summary>
/// Rnd = VDF(pRnd): the delay turns the committed pRnd into the randomness that seeds resharding. Because computing
/// Rnd takes T sequential squarings, nobody — in particular not the last contributor, deciding whether to withhold —
/// can learn Rnd before pRnd is committed; everyone checks the result quickly.
/// </summary>
public static class EpochRandomness
{
    /// <summary>Evaluates the VDF on pRnd's 32 bytes; Rnd = Keccak-256 of the output's fixed-length encoding.</summary>
    public static (Hash32 Rnd, VdfResult Vdf) Derive(Hash32 pRnd, int difficulty, WesolowskiVdf? vdf = null)
    {
        vdf ??= WesolowskiVdf.Rsa2048;
        var result = vdf.Evaluate(pRnd.ToArray(), difficulty);
        return (result.OutputHash(vdf.Group), result);
    }

    /// <summary>Checks a header's <c>Vdf</c> bytes (y ‖ π) against pRnd and yields Rnd when they verify.</summary>
    public static bool TryVerify(Hash32 pRnd, int difficulty, ReadOnlySpan<byte> vdfBytes, out Hash32 rnd, WesolowskiVdf? vdf = null)
    {
        vdf ??= WesolowskiVdf.Rsa2048;
        rnd = Hash32.Zero;
        if (!VdfResult.TryFromBytes(vdf.Group, vdfBytes, out var result) || !vdf.Verify(pRnd.ToArray(), difficulty, result!))
            return false;
        rnd = result!.OutputHash(vdf.Group);
        return true;
    }
}
