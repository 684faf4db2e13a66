using System.Numerics;

namespace HarmonySim.Protocol.Staking.State;

/// <summary>ONE and atto-ONE (10^18 atto per ONE).</summary>
public static class Units
{
    public static readonly BigInteger AttoPerOne = BigInteger.Pow(10, 18);

    /// <summary>Whole ONE in atto-ONE.</summary>
    public static BigInteger One(long ones) => ones * AttoPerOne;
}
