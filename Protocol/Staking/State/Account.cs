using System.Numerics;

namespace HarmonySim.Protocol.Staking.State;

/// <summary>An account: its free balance in atto-ONE and its nonce (accepted transactions sent).</summary>
public sealed record Account(BigInteger Balance, ulong Nonce)
{
    public static readonly Account Empty = new(BigInteger.Zero, 0);
}
