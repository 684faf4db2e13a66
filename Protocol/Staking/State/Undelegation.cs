using System.Numerics;

namespace HarmonySim.Protocol.Staking.State;

/// <summary>Stake taken out of a delegation in <paramref name="Epoch"/>; paid back after the lock (reference §4.5).</summary>
public sealed record Undelegation(BigInteger Amount, ulong Epoch);
