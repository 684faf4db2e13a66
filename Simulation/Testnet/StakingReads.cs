using System.Globalization;
using System.Numerics;
using HarmonySim.Protocol.Staking;
using HarmonySim.Protocol.Staking.Beacon;
using HarmonySim.Protocol.Staking.State;
using HarmonySim.Simulation.Staking;

namespace HarmonySim.Simulation.Testnet;

/// <summary>
/// Builds a <see cref="StakingSnapshot"/> from the beacon's canonical state, once per state (reads between two
/// beacon commits share it). The next election is computed as Harmony's RPC computes its median-stake snapshot: the
/// EPoS election over the current candidates, without changing anything.
/// </summary>
public sealed class StakingReads(StakingWorld world)
{
    private BeaconState? _of;
    private StakingSnapshot? _snapshot;

    public StakingSnapshot Snapshot(BeaconState state, ulong blockNumber)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (ReferenceEquals(state, _of) && _snapshot is not null) return _snapshot;
        var staking = state.Staking;
        var election = EposElection.Compute(ElectionInput.Candidates(staking), world.HarmonySlots, world.Rules.Election);
        var winners = election.Winners.Select(w => w.Validator).ToHashSet();
        var excluded = election.Excluded.GroupBy(e => e.Validator).ToDictionary(g => g.Key, g => g.First().Reason.ToString());
        // The epoch's last block already carries the next epoch's committees; until the next epoch begins, the current
        // committee is still this epoch's (Harmony reads the committee of the head's epoch).
        var current = state.Committees.Epoch == state.Epoch ? state.Committees : state.PreviousCommittees ?? state.Committees;
        var inCommittee = current.Shards.SelectMany(s => s).Where(slot => !slot.IsHarmonyOperated).Select(slot => slot.Owner).ToHashSet();
        var validators = staking.CreationOrder.Select(a => staking.ValidatorAt(a)).OfType<Validator>().Select(v =>
        {
            var counters = state.Counters.GetValueOrDefault(v.Address);
            return new ValidatorView(v.Address.ToString(), [.. v.SlotKeys.Select(k => "0x" + Convert.ToHexStringLower(k.Bytes))],
                new ValidatorText(v.Description.Name ?? "", v.Description.Identity ?? "", v.Description.Website ?? "", v.Description.SecurityContact ?? "", v.Description.Details ?? ""),
                v.Commission.Rate, v.Commission.MaxRate, v.Commission.MaxChangeRate, Text(v.MinSelfDelegation), Text(v.MaxTotalDelegation),
                v.Status.ToString().ToLowerInvariant(), v.CreationEpoch, v.LastEpochInCommittee, Text(v.TotalDelegation),
                inCommittee.Contains(v.Address), winners.Contains(v.Address), excluded.GetValueOrDefault(v.Address),
                Text(state.RewardsPaid.GetValueOrDefault(v.Address)), counters.ToSign, counters.Signed,
                [.. v.Delegations.Select(d => new DelegationView(d.Key.ToString(), Text(d.Value.Amount), Text(d.Value.Reward),
                    [.. d.Value.Undelegations.Select(u => new UndelegationView(Text(u.Amount), u.Epoch))]))]);
        }).ToList();
        var committees = current.Shards.SelectMany((slots, shard) => slots.Select(s =>
            new CommitteeMemberView(shard, "0x" + Convert.ToHexStringLower(s.Key.Bytes), s.Owner.ToString(), s.IsHarmonyOperated, s.EffectiveStake is { } e ? Text(e) : null))).ToList();
        var totalStaking = staking.Validators.Values.Aggregate(BigInteger.Zero, (sum, v) => sum + v.TotalDelegation);
        _snapshot = new StakingSnapshot(state.Epoch, blockNumber, world.Rules.BlocksPerEpoch, Text(totalStaking), Text(staking.TotalSupply()),
            Text(election.Summary.Median), world.Rules.Election.Pull,
            validators, [.. election.Winners.Select(w => new SlotWinnerView(w.Validator.ToString(), "0x" + Convert.ToHexStringLower(w.Key.Bytes), Text(w.RawStake), Text(w.EffectiveStake), w.Shard))],
            committees);
        _of = state;
        return _snapshot;
    }

    private static string Text(BigInteger value) => value.ToString(CultureInfo.InvariantCulture);
}
