using System.Collections.Immutable;
using System.Numerics;
using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Consensus;
using HarmonySim.Protocol.Crypto;
using HarmonySim.Protocol.Numeric;
using HarmonySim.Protocol.Sharding;
using HarmonySim.Protocol.Sharding.Crosslinks;
using HarmonySim.Protocol.Sharding.Randomness;
using HarmonySim.Protocol.Staking.Availability;
using HarmonySim.Protocol.Staking.Rewards;
using HarmonySim.Protocol.Staking.Slashing;
using HarmonySim.Protocol.Staking.State;
using HarmonySim.Protocol.Staking.Transactions;

namespace HarmonySim.Protocol.Staking.Beacon;

/// <summary>
/// The beacon chain's state transition for one block, in Harmony's order (reference §4.4, §4.6, §5): pay and count
/// the signers of the parent beacon block, apply staking transactions, process crosslinks (pay and count the
/// shard's signers), carry out slashes; at an epoch's last block release matured undelegations, make validators
/// below the signing threshold Inactive, and run the EPoS election for the next epoch. Pure: the same parent, block
/// and committees give the same outcome on every node.
/// </summary>
public static class BeaconTransition
{
    public static BeaconOutcome Apply(BeaconState parent, BlockHeader header, BeaconBody body, BeaconRules rules, ICommitteeProvider committees)
    {
        ArgumentNullException.ThrowIfNull(parent);
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(committees);
        var epoch = rules.EpochOf(header.Number);
        var state = parent with { Epoch = epoch };
        // Harmony judges availability before it counts the epoch's last block's own signatures (§4.4 order).
        var countersBeforeBlock = parent.Epoch == epoch ? parent.Counters : state.Counters;

        if (header.Number >= 2 && header.LastCommitSignature is not null)
        {
            var parentCommittee = committees.CommitteeFor(0, rules.EpochOf(header.Number - 1));
            if (!header.TryLastCommitSigners(parentCommittee.Count, out var signers, out var error))
                return BeaconOutcome.Invalid("last commit bitmap: " + error);
            state = PaySigners(state, parentCommittee, signers!, epoch, rules);
        }

        var staking = state.Staking;
        var deposited = state.Deposited;
        foreach (var tx in body.Staking)
        {
            var result = StakingTransactionProcessor.ApplySigned(staking, tx, epoch, rules.Staking);
            if (!result.Accepted) return BeaconOutcome.Invalid($"staking transaction {tx.Message.GetType().Name} from {tx.Message.Sender}: {result.Rejection}");
            staking = result.State!;
            deposited += tx.Deposit;
        }
        state = state with { Staking = staking, Deposited = deposited };

        if (body.Crosslinks.Count > BeaconBody.MaxCrosslinks)
            return BeaconOutcome.Invalid($"{body.Crosslinks.Count} crosslinks, at most {BeaconBody.MaxCrosslinks} per block");
        foreach (var link in body.Crosslinks)
        {
            if (link.Epoch != rules.EpochOf(link.BlockNumber)) return BeaconOutcome.Invalid($"{link}: epoch does not match the block number");
            // Newer than the shard's last crosslink, as Harmony requires; a block whose crosslink never made it is skipped (and unpaid).
            var last = state.LastCrosslink.GetValueOrDefault(link.ShardId);
            if (link.BlockNumber <= last) return BeaconOutcome.Invalid($"{link}: not newer than shard {link.ShardId}'s last crosslink {last}");
            if (CrosslinkVerifier.Verify(link, committees) is { } error) return BeaconOutcome.Invalid($"{link}: {error}");
            var committee = committees.CommitteeFor(link.ShardId, link.Epoch);
            SignerBitmap.TryFromBytes(link.Bitmap, committee.Count, out var signers, out _);
            state = PaySigners(state, committee, signers!, epoch, rules);
            state = state with { LastCrosslink = state.LastCrosslink.SetItem(link.ShardId, link.BlockNumber) };
        }

        if (body.Contributions.Count > 0)
        {
            var (withContributions, error) = AddContributions(state, body.Contributions, epoch, committees);
            if (error is not null) return BeaconOutcome.Invalid(error);
            state = withContributions!;
        }

        var slashes = new List<SlashEvent>();
        foreach (var record in body.Slashes)
        {
            var (next, slash, error) = Slash(state, record, body.Slashes, header.Coinbase, epoch, rules, committees);
            if (error is not null) return BeaconOutcome.Invalid($"slash of {record.Evidence.Offender.ShortName}: {error}");
            state = next!;
            slashes.Add(slash!);
        }

        if (!rules.IsLastBlockInEpoch(header.Number)) return new BeaconOutcome(state, null, slashes, [], null, null);
        return EndEpoch(state, countersBeforeBlock, header, epoch, rules, committees, slashes);
    }

    /// <summary>Randomness contributions: each from a beacon committee key, once per epoch, with a VRF proof over this epoch's α.</summary>
    private static (BeaconState? State, string? Error) AddContributions(
        BeaconState state, IReadOnlyList<RandomnessContribution> contributions, ulong epoch, ICommitteeProvider committees)
    {
        var committee = committees.CommitteeFor(0, epoch);
        var vrf = EpochVrf.For(committee.Scheme);
        var alpha = RandomnessRound.Alpha(epoch, state.RandomnessSeed);
        var list = state.EpochContributions;
        foreach (var c in contributions)
        {
            if (committee.IndexOf(c.Key) < 0) return (null, $"randomness contribution from {c.Key.ShortName}, not a beacon committee key");
            if (list.Any(x => x.Key == c.Key)) return (null, $"a second randomness contribution from {c.Key.ShortName}");
            if (!vrf.TryVerify(c.Key, alpha, c.Proof, out _)) return (null, $"the randomness contribution of {c.Key.ShortName} does not verify");
            list = list.Add(c);
        }
        return (state with { Contributions = list }, null);
    }

    /// <summary>
    /// The epoch's Rnd: pRnd combined from the contributions once they hold a quorum of the beacon committee (else,
    /// without a quorum, a hash of the seed — Rnd is then predictable, and the election says so), through the VDF.
    /// </summary>
    private static (Hash32 Rnd, byte[] Vdf, bool Quorum) EpochRnd(BeaconState state, ulong epoch, BeaconRules rules, ICommitteeProvider committees)
    {
        var round = new RandomnessRound(committees.CommitteeFor(0, epoch), state.RandomnessSeed);
        foreach (var c in state.EpochContributions) round.Add(c);
        var combined = round.TryCombine();
        var pRnd = combined?.Value ?? Keccak256.Hash([.. "HarmonySim pRnd without quorum"u8, .. state.RandomnessSeed.ToArray()]);
        var (rnd, vdf) = EpochRandomness.Derive(pRnd, rules.Policy.VdfDifficulty);
        return (rnd, vdf.ToBytes(Protocol.Crypto.Vdf.RsaGroup.Rsa2048), combined is not null);
    }

    /// <summary>Pays one block's reward to its signing staked slots (split by commission) and counts every staked slot's signing.</summary>
    private static BeaconState PaySigners(BeaconState state, Committee committee, SignerBitmap signers, ulong epoch, BeaconRules rules)
    {
        // A builder over the immutable counters: only the committee's entries change, the rest is shared with the parent state.
        var counters = state.Counters.ToBuilder();
        SigningCounter.Increment(counters, committee, signers);
        var staking = state.Staking;
        var era = rules.Rewards.ForEpoch(epoch, state.EpochStartSupply);
        var payout = BlockRewardDistributor.ForBlock(era, committee, signers,
            owner => staking.ValidatorAt(owner)?.Status == ValidatorStatus.Banned);
        var minted = state.Minted;
        var toRecovery = state.MintedToRecovery;
        // The recovery (DAO) part of a block that paid its signers is minted to the recovery address (HIP-30).
        if (era.ToRecovery.Sign > 0 && payout.ByValidator.Count > 0)
        {
            staking = staking.Fund(rules.Rewards.Recovery, era.ToRecovery);
            minted += era.ToRecovery;
            toRecovery += era.ToRecovery;
        }
        var paid = state.RewardsPaid;
        foreach (var (owner, due) in payout.ByValidator)
        {
            // A slot whose owner is not a registered validator (none in a well-formed committee) is not paid: nothing is minted for it.
            if (staking.ValidatorAt(owner) is not { } validator) continue;
            // Shares and commission come from the epoch-start snapshot (a delegation made this epoch earns from the next).
            var basis = state.SnapshotOf(owner, state.Epoch) ?? validator;
            var delegations = DelegationsSelfFirst(basis);
            var split = CommissionSplitter.Split(due, Dec.FromDecimal(basis.Commission.Rate),
                [.. delegations.Select(d => new DelegatorShare(d.Delegator, d.Delegation.Amount))], validator.Status);
            for (var i = 0; i < delegations.Count; i++)
                if (split.Rewards[i].Sign > 0) staking = Credit(staking, owner, delegations[i].Delegator, split.Rewards[i]);
            minted += split.Total;
            paid = paid.SetItem(owner, paid.GetValueOrDefault(owner) + split.Total);
        }
        return state with { Staking = staking, Counters = counters.ToImmutable(), Minted = minted, RewardsPaid = paid, MintedToRecovery = toRecovery };
    }

    /// <summary>Credits a reward to a delegation, recreating it if it has emptied since the snapshot (the reward keeps it alive).</summary>
    private static StakingState Credit(StakingState staking, Address validator, Address delegator, BigInteger amount)
    {
        var v = staking.Validators[validator];
        var d = v.DelegationOf(delegator);
        return staking.WithValidator(v.WithDelegation(delegator, d with { Reward = d.Reward + amount }));
    }

    /// <summary>Harmony lists the self-delegation first, then the others in address order.</summary>
    private static List<(Address Delegator, Delegation Delegation)> DelegationsSelfFirst(Validator validator) =>
        [(validator.Address, validator.DelegationOf(validator.Address)),
            .. validator.Delegations.Where(d => d.Key != validator.Address).Select(d => (d.Key, d.Value))];

    private static (BeaconState? State, SlashEvent? Slash, string? Error) Slash(
        BeaconState state, SlashRecord record, IReadOnlyList<SlashRecord> sameBlock, Address leader, ulong epoch, BeaconRules rules, ICommitteeProvider committees)
    {
        var evidence = record.Evidence;
        var offenceEpoch = rules.EpochOf(evidence.BlockNumber);
        var committee = committees.KnownCommittee(evidence.First.ShardId, offenceEpoch);
        if (committee is null) return (null, null, $"no committee known for shard {evidence.First.ShardId} epoch {offenceEpoch}");
        var staking = state.Staking;
        var verdict = DoubleSignVerifier.Verify(evidence, committee, record.Reporter, epoch,
            owner => staking.ValidatorAt(owner)?.Status ?? ValidatorStatus.Inactive);
        if (!verdict.IsAccepted) return (null, null, verdict.Reason);
        var validator = staking.ValidatorAt(verdict.Offender);
        if (validator is null) return (null, null, $"{verdict.Offender} is not a registered validator");

        // Debts are measured on the offence epoch's snapshot (the current state when it is older than the previous epoch's).
        var snapshot = state.SnapshotOf(validator.Address, offenceEpoch);
        var delegations = DelegationsSelfFirst(validator);
        var target = new SlashTarget(validator.Address, offenceEpoch, [.. delegations.Select(d => new SlashableDelegation(
            d.Delegator, snapshot is null ? d.Delegation.Amount : snapshot.DelegationOf(d.Delegator).Amount, d.Delegation.Amount,
            [.. d.Delegation.Undelegations.Select(u => new PendingUndelegation(u.Amount, u.Epoch))], d.Delegation.Reward))],
            snapshot?.TotalDelegation);
        var shares = DoubleSignedShares.OfMoment(committee, sameBlock.Select(r => r.Evidence), evidence);
        var outcome = SlashCalculator.Compute(rules.SlashRule, target, shares, leader);

        var slashed = validator;
        for (var i = 0; i < delegations.Count; i++)
        {
            var (delegator, d) = delegations[i];
            var debit = outcome.Debits[i];
            var undelegations = d.Undelegations.Select((u, j) => u with { Amount = u.Amount - debit.FromUndelegations[j] }).Where(u => u.Amount.Sign > 0);
            slashed = slashed.WithDelegation(delegator, new Delegation(d.Amount - debit.FromStake, d.Reward - debit.FromReward, [.. undelegations]));
        }
        staking = staking.WithValidator(slashed with { Status = outcome.NewStatus });
        var account = staking.AccountOf(leader);
        staking = staking.WithAccount(leader, account with { Balance = account.Balance + outcome.BeneficiaryCredit });
        var slash = new SlashEvent(validator.Address, offenceEpoch, outcome.TotalSlashed, outcome.Burned, outcome.BeneficiaryCredit, leader);
        return (state with { Staking = staking, Burned = state.Burned + outcome.Burned }, slash, null);
    }

    private static BeaconOutcome EndEpoch(BeaconState state, ImmutableSortedDictionary<Address, SigningCounters> availability, BlockHeader header, ulong epoch,
        BeaconRules rules, ICommitteeProvider committees, List<SlashEvent> slashes)
    {
        var (staking, dropped) = UndelegationRelease.Release(state.Staking, epoch, rules.Staking);
        var inCommittee = state.InCommittee();
        var jailed = EpochAvailability.EndOfEpoch(staking.Validators.Values.Select(v =>
            new ValidatorAvailability(v.Address, v.Status, inCommittee.Contains(v.Address), availability.GetValueOrDefault(v.Address), default)));
        foreach (var change in jailed)
            staking = staking.WithValidator(staking.Validators[change.Validator] with { Status = change.To });

        var candidates = staking.CreationOrder.Select(address =>
        {
            var v = staking.Validators[address];
            var counters = availability.GetValueOrDefault(address);
            return new ValidatorCandidate(v.Address, v.Status, [.. v.SlotKeys], v.TotalDelegation, inCommittee.Contains(address), counters.Signed, counters.ToSign);
        }).ToList();
        var result = EposElection.Compute(candidates, rules.HarmonySlots, rules.Election);
        byte[]? vdf = null;
        var quorum = true;
        if (rules.Policy.Kind == ReshardingPolicyKind.Randomness && result.HasWinners)
        {
            (var rnd, vdf, quorum) = EpochRnd(state, epoch, rules, committees);
            result = rules.Policy.Apply(result, rules.HarmonySlots, rules.Election, rnd, state.Committees.Shards);
        }
        var next = result.HasWinners
            ? new ShardState(epoch + 1, result.Committees)
            : state.Committees.ForEpoch(epoch + 1);
        // The elected record their election and the commission floor applies before the new epoch's snapshot is taken.
        var elected = next.Shards.SelectMany(shard => shard).Where(slot => !slot.IsHarmonyOperated).Select(slot => slot.Owner);
        staking = CommissionFloor.AfterElection(staking, elected, epoch + 1, rules.Staking);
        // The next epoch's randomness is bound to this chain: its seed is the last block's parent hash, known when the block is proposed.
        return new BeaconOutcome(
            state with
            {
                Staking = staking, Committees = next, PreviousCommittees = state.Committees, Burned = state.Burned + dropped,
                Counters = ImmutableSortedDictionary.Create<Address, SigningCounters>(AddressOrder.Instance),
                RandomnessSeed = header.ParentHash, Contributions = [],
                Snapshot = staking.Validators, PreviousSnapshot = state.Snapshot, EpochStartSupply = staking.TotalSupply(),
            },
            null, slashes, jailed, new ElectionEvent(epoch + 1, result.Summary, result.Excluded, quorum, state.EpochContributions.Count), next, vdf);
    }
}
