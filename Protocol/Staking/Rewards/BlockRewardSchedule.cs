using System.Numerics;
using HarmonySim.Protocol.Chain;

namespace HarmonySim.Protocol.Staking.Rewards;

/// <summary>
/// The block reward per block per shard as a function of the epoch: eras ordered by their first epoch, the first
/// starting at 0 (fixed amounts, Harmony's schedule), or an <see cref="AnnualInflation"/> that sets each epoch's reward
/// from the supply at its start. The one home of issuance: every block reward the beacon chain pays comes from
/// <see cref="ForEpoch"/>.
/// </summary>
public sealed class BlockRewardSchedule
{
    private static readonly BigInteger Atto = BigInteger.Pow(10, 18);

    /// <summary>HIP-30's recovery address (the Emission DAO), where an era's <see cref="RewardEra.ToRecovery"/> part goes (reference §4.6).</summary>
    public static readonly Address HarmonyRecovery = new(Convert.FromHexString("D8194284df879f465ed61DBA6fa8300940cacEA3"));

    public BlockRewardSchedule(IReadOnlyList<RewardEra> eras, AnnualInflation? inflation = null, Address? recovery = null)
    {
        if (eras.Count == 0 || eras[0].FromEpoch != 0) throw new ArgumentException("the first era starts at epoch 0", nameof(eras));
        for (var i = 0; i < eras.Count; i++)
        {
            if (i > 0 && eras[i].FromEpoch <= eras[i - 1].FromEpoch) throw new ArgumentException("eras are ordered by strictly increasing first epoch", nameof(eras));
            if (eras[i].ToValidators.Sign < 0 || eras[i].ToValidators > eras[i].PerBlock)
                throw new ArgumentException($"era {i}: the validators' part lies between 0 and the block reward", nameof(eras));
        }
        Eras = eras;
        Inflation = inflation;
        Recovery = recovery ?? HarmonyRecovery;
    }

    /// <summary>An inflation-rate schedule: each epoch's reward from the supply at its start.</summary>
    public static BlockRewardSchedule FromInflation(AnnualInflation inflation, Address? recovery = null) =>
        new([new RewardEra(0, 0, 0)], inflation, recovery);

    public IReadOnlyList<RewardEra> Eras { get; }

    /// <summary>Set when the reward follows an annual inflation rate rather than <see cref="Eras"/>.</summary>
    public AnnualInflation? Inflation { get; }

    /// <summary>The account credited with each paid block's <see cref="RewardEra.ToRecovery"/> part.</summary>
    public Address Recovery { get; }

    /// <summary>The era in force in <paramref name="epoch"/>, whose supply at its start was <paramref name="supplyAtEpochStart"/> (read only by an inflation rate).</summary>
    public RewardEra ForEpoch(ulong epoch, BigInteger supplyAtEpochStart) =>
        Inflation is { } inflation ? inflation.EraFor(epoch, supplyAtEpochStart) : At(epoch);

    /// <summary>
    /// Mainnet (reference §4.6): 24 ONE pre-staking (equal split), 28 ONE from epoch 186, 17.5 from 230 (five-second
    /// blocks), 7 from 366 (two-second blocks), 14 from 1673 (HIP-30) of which 25 % to the recovery address, so 10.5 to
    /// validators. The one-second era (7 ONE) has no mainnet epoch and is left out; add it with <see cref="With"/>.
    /// </summary>
    public static BlockRewardSchedule Mainnet { get; } = new(
    [
        new RewardEra(0, 24 * Atto, 24 * Atto, PreStaking: true),
        new RewardEra(186, 28 * Atto, 28 * Atto),
        new RewardEra(230, 175 * Atto / 10, 175 * Atto / 10),
        new RewardEra(366, 7 * Atto, 7 * Atto),
        new RewardEra(1673, 14 * Atto, 105 * Atto / 10),
    ]);

    /// <summary>The fixed era in force at <paramref name="epoch"/> (an inflation schedule's eras are per epoch: <see cref="ForEpoch"/>).</summary>
    public RewardEra At(ulong epoch)
    {
        var era = Eras[0];
        foreach (var e in Eras)
        {
            if (e.FromEpoch > epoch) break;
            era = e;
        }
        return era;
    }

    /// <summary>A copy with one more era (replacing one that starts at the same epoch).</summary>
    public BlockRewardSchedule With(RewardEra era) =>
        new([.. Eras.Where(e => e.FromEpoch != era.FromEpoch).Append(era).OrderBy(e => e.FromEpoch)], Inflation, Recovery);
}
