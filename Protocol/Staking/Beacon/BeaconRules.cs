using HarmonySim.Protocol.Sharding;
using HarmonySim.Protocol.Staking.Rewards;
using HarmonySim.Protocol.Staking.Slashing;
using HarmonySim.Protocol.Staking.Transactions;

namespace HarmonySim.Protocol.Staking.Beacon;

/// <summary>The parameters the beacon chain's state transition runs with: epoch length, election, staking rules, rewards and slashing.</summary>
public sealed record BeaconRules(
    ulong BlocksPerEpoch,
    EposParameters Election,
    IReadOnlyList<IReadOnlyList<HarmonySlot>> HarmonySlots,
    StakingParameters Staking,
    BlockRewardSchedule Rewards,
    SlashRule SlashRule = SlashRule.Current,
    ReshardingPolicy? Resharding = null)
{
    /// <summary>How the election's winners are placed on shards (Harmony's key-mod rule unless set).</summary>
    public ReshardingPolicy Policy => Resharding ?? ReshardingPolicy.Harmony;

    public bool IsLastBlockInEpoch(ulong number) => (number + 1) % BlocksPerEpoch == 0;

    public ulong EpochOf(ulong number) => number / BlocksPerEpoch;
}
