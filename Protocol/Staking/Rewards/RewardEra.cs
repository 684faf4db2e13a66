using System.Numerics;

namespace HarmonySim.Protocol.Staking.Rewards;

/// <summary>
/// One era of the block-reward schedule (reference §4.6): from <paramref name="FromEpoch"/> on, each block of each shard
/// mints <paramref name="PerBlock"/> atto-ONE, of which <paramref name="ToValidators"/> goes to the block's signers (the
/// rest, since HIP-30, to the recovery address). <paramref name="PreStaking"/>: split equally among all signers rather than by voting power.
/// </summary>
public sealed record RewardEra(ulong FromEpoch, BigInteger PerBlock, BigInteger ToValidators, bool PreStaking = false)
{
    public BigInteger ToRecovery => PerBlock - ToValidators;
}
