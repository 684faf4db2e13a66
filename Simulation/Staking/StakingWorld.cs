using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using HarmonySim.Simulation.Runs;
using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Consensus;
using HarmonySim.Protocol.Consensus.Quorum;
using HarmonySim.Protocol.Crypto;
using HarmonySim.Protocol.Crypto.Accounts;
using HarmonySim.Protocol.Crypto.Bls;
using HarmonySim.Protocol.Numeric;
using HarmonySim.Protocol.Sharding;
using HarmonySim.Protocol.Sharding.Randomness;
using HarmonySim.Protocol.Staking;
using HarmonySim.Protocol.Staking.Beacon;
using HarmonySim.Protocol.Staking.Rewards;
using HarmonySim.Protocol.Staking.Slashing;
using HarmonySim.Protocol.Staking.State;
using HarmonySim.Protocol.Staking.Transactions;

namespace HarmonySim.Simulation.Staking;

/// <summary>
/// A staking run's shared, deterministic setup and memo, rebuilt identically by every silo from the plan: the
/// genesis staking state (every external node a validator with its self-stake, delegators funded), the beacon's
/// rules, the genesis election, the scripted staking transactions signed by their delegators, and the beacon
/// state after each block (by block hash: every node that validates a block reuses it).
/// </summary>
public sealed class StakingWorld
{
    private static readonly BigInteger Atto = Units.AttoPerOne;
    private readonly ConcurrentDictionary<Hash32, BeaconOutcome> _outcomes = new();
    private readonly ConcurrentDictionary<Hash32, Block> _blocks = new();

    public StakingWorld(RunPlan plan, ISignatureScheme scheme, Func<int, IReadOnlyList<KeyPair>> keysOf, Func<int, Address> ownerOf)
    {
        var s = plan.Staking ?? throw new ArgumentException("the plan has no staking section", nameof(plan));
        Cache = new CommitteeCache(scheme, VotingPower.FromDecimal(plan.Consensus.HarmonyVoteShare));
        HarmonySlots = [.. Enumerable.Range(0, plan.Shards).Select(shard => (IReadOnlyList<HarmonySlot>)[.. plan.NodesOf(shard)
            .Where(n => n.StakePerKey is null).OrderBy(n => n.Id)
            .SelectMany(n => keysOf(n.Id).Select(k => new HarmonySlot(k.Public, ownerOf(n.Id))))])];
        // HIP-16 caps a validator's keys per shard by key value; under randomness resharding a key's value does not
        // decide its shard, so the cap would drop keys for nothing: it applies under the key-mod rule only.
        var election = new EposParameters(plan.Shards, s.SlotsPerShard, s.HarmonySlotsPerShard, s.EffectiveStakeBound,
            s.RandomnessResharding ? 0 : s.SlotsLimit, plan.Consensus.HarmonyVoteShare);
        // A slot key's proof of possession: the key's signature of Keccak-256("harmony-one") in the run's scheme.
        var proofPayload = HarmonySlotKeyProof.SignedHash();
        var parameters = StakingParameters.Mainnet with
        {
            // A testnet's staking signatures commit to its Harmony chain id (testnet 2), which wallets sign for.
            ChainId = plan.Testnet?.ChainId ?? StakingParameters.Mainnet.ChainId,
            HarmonyKeys = [.. HarmonySlots.SelectMany(h => h.Select(x => x.Key))],
            VerifySlotKeyProof = (key, proof) => proof.Length == Signature.Size && scheme.Verify(key, proofPayload, new Signature(proof)),
        };
        Rules = new BeaconRules(plan.Timing.BlocksPerEpoch, election, HarmonySlots, parameters,
            RewardSchedule(plan, s), s.SlashRule2020 ? SlashRule.Rate2020 : SlashRule.Current,
            s.RandomnessResharding
                ? new ReshardingPolicy(ReshardingPolicyKind.Randomness, s.VdfDifficulty, s.CuckooEvictions is not null, s.CuckooEvictions ?? ReshardingPolicy.DefaultCuckooEvictionsPerJoin)
                : ReshardingPolicy.Harmony);

        Delegators = s.Delegators.ToDictionary(d => d.Name, d => RunSeeds.Account(plan.Seed, "delegator", d.Name));
        var state = StakingState.Empty;
        var rates = new CommissionRates(s.CommissionRate, Math.Max(s.CommissionRate, 0.9m), 0.05m);
        var joiners = new List<(TimeSpan At, Address Sender, AccountKey Key, StakingTransaction Message)>();
        foreach (var node in plan.Nodes.Where(n => n.StakePerKey is not null))
        {
            var owner = ownerOf(node.Id);
            var self = ToAtto(node.StakePerKey!.Value) * node.Keys;
            var description = new ValidatorDescription($"{node.Cohort}-{node.Id}", $"node-{node.Id}");
            if (node.JoinsAt is { } joinsAt)
            {
                // A validator that registers later: its account holds the self-stake until its CreateValidator applies.
                state = state.Fund(owner, self);
                var slots = keysOf(node.Id).Select(k => new SlotKeyWithProof(k.Public, scheme.Sign(k.Secret, proofPayload).Bytes.ToArray()));
                joiners.Add((joinsAt, owner, RunContext.ValidatorAccount(plan.Seed, node.Id),
                    new CreateValidator(owner, description, rates, parameters.MinSelfDelegation, ToAtto(1_000_000_000m), [.. slots], self)));
                continue;
            }
            state = state.WithValidator(new Validator(owner, [.. keysOf(node.Id).Select(k => k.Public)], rates, parameters.MinSelfDelegation,
                ToAtto(1_000_000_000m), ValidatorStatus.Active, description, 0,
                s.CommissionRate, 0, ImmutableSortedDictionary.Create<Address, Delegation>(AddressOrder.Instance).Add(owner, new Delegation(self, 0, []))));
        }
        foreach (var d in s.Delegators) state = state.Fund(AddressOf(d.Name), ToAtto(d.Balance));
        GenesisSupply = state.TotalSupply();

        var genesisElection = EposElection.Compute(ElectionInput.Candidates(state), HarmonySlots, election);
        // No chain yet to draw randomness from: under the randomness policy the genesis slots are shuffled with a
        // randomness fixed by the run's seed (a genesis configuration, as a launch ceremony would publish it).
        if (Rules.Policy.Kind == ReshardingPolicyKind.Randomness && genesisElection.HasWinners)
        {
            var (rnd, _) = EpochRandomness.Derive(RunSeeds.GenesisRandomness(plan.Seed), Rules.Policy.VdfDifficulty);
            genesisElection = Rules.Policy.Apply(genesisElection, HarmonySlots, election, rnd);
        }
        if (!genesisElection.HasWinners) throw new ArgumentException("the genesis election elected nobody: the scenario needs staked validators", nameof(plan));
        GenesisCommittees = new ShardState(0, genesisElection.Committees);
        GenesisBeacon = BeaconState.Genesis(state, GenesisCommittees);
        GenesisElection = genesisElection.Summary;
        Transactions = SignActions(plan, s, joiners, ownerOf);
    }

    public CommitteeCache Cache { get; }
    public BeaconRules Rules { get; }
    public IReadOnlyList<IReadOnlyList<HarmonySlot>> HarmonySlots { get; }
    public IReadOnlyDictionary<string, AccountKey> Delegators { get; }
    public ShardState GenesisCommittees { get; }
    public ElectionSummary GenesisElection { get; }
    public BeaconState GenesisBeacon { get; }
    public BigInteger GenesisSupply { get; }

    /// <summary>The scripted staking transactions, signed, in submission order, each with the virtual time it is submitted.</summary>
    public IReadOnlyList<(TimeSpan At, SignedStakingTransaction Transaction)> Transactions { get; }

    public Address AddressOf(string delegator) => new(Delegators[delegator].Address);

    /// <summary>Registers the beacon's genesis block, whose state is the genesis staking state.</summary>
    public void SetGenesis(Hash32 beaconGenesis) =>
        _outcomes.TryAdd(beaconGenesis, new BeaconOutcome(GenesisBeacon, null, [], [], null, GenesisCommittees));

    /// <summary>The beacon state after a block this silo has applied, or null.</summary>
    public BeaconOutcome? After(Hash32 block) => _outcomes.GetValueOrDefault(block);

    /// <summary>Applies a beacon block on top of its parent's state (once per silo); invalid when the parent's state is unknown.</summary>
    public BeaconOutcome Apply(Block block)
    {
        ArgumentNullException.ThrowIfNull(block);
        if (_outcomes.TryGetValue(block.Hash, out var known)) return known;
        _blocks.TryAdd(block.Hash, block);
        // A parent this silo has seen but not applied (a node that learned it from a COMMITTED message) is applied first.
        if (After(block.Header.ParentHash) is null && _blocks.TryGetValue(block.Header.ParentHash, out var parentBlock)) Apply(parentBlock);
        if (After(block.Header.ParentHash)?.State is not { } parent) return BeaconOutcome.Invalid("the parent block's state is unknown");
        var outcome = BeaconTransition.Apply(parent, block.Header, block.Body as BeaconBody ?? BeaconBody.Empty, Rules, CommitteesOf(parent));
        return _outcomes.GetOrAdd(block.Hash, outcome);
    }

    /// <summary>Remembers an outcome computed by a builder for the block it built.</summary>
    public void Remember(Block block, BeaconOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(block);
        _blocks.TryAdd(block.Hash, block);
        _outcomes.TryAdd(block.Hash, outcome);
    }

    /// <summary>The committees a beacon state knows: its epoch's and the previous epoch's.</summary>
    public ICommitteeProvider CommitteesOf(BeaconState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.PreviousCommittees is { } previous ? ChainCommittees.Of(Cache, previous, state.Committees) : ChainCommittees.Of(Cache, state.Committees);
    }

    /// <summary>The run's issuance: the scenario's schedule, or <see cref="StakingPlan.BlockReward"/> ONE per block from genesis on.</summary>
    private static BlockRewardSchedule RewardSchedule(RunPlan plan, StakingPlan s)
    {
        if (s.Issuance is not { } issuance)
        {
            var reward = ToAtto(s.BlockReward);
            return new BlockRewardSchedule([new RewardEra(0, reward, reward)]);
        }
        if (issuance.AnnualInflation is { } rate)
            return BlockRewardSchedule.FromInflation(new AnnualInflation(Dec.FromDecimal(rate), plan.Timing.BlockTime, plan.Shards, Dec.FromDecimal(issuance.DaoShare)));
        return new BlockRewardSchedule([.. issuance.Eras.Select(e =>
        {
            var perBlock = ToAtto(e.PerBlock);
            return new RewardEra(e.FromEpoch, perBlock, perBlock - AnnualInflation.RecoveryPart(perBlock, Dec.FromDecimal(e.DaoShare)));
        })]);
    }

    public static BigInteger ToAtto(decimal ones) => new BigInteger(ones * 1_000_000_000m) * (Atto / 1_000_000_000);

    /// <summary>
    /// Every scripted staking transaction, signed: the late validators' CreateValidator, the validators' re-activations
    /// and the delegators' transactions, in submission order (file order on ties), each sender's nonces in that order.
    /// </summary>
    private List<(TimeSpan, SignedStakingTransaction)> SignActions(RunPlan plan, StakingPlan s,
        List<(TimeSpan At, Address Sender, AccountKey Key, StakingTransaction Message)> joiners, Func<int, Address> ownerOf)
    {
        var scripted = joiners.Select(j => (j.At, j.Sender, j.Key, j.Message)).ToList();
        foreach (var action in s.Actions)
        {
            if (action.Type == StakingActionType.Activate)
            {
                var validator = ownerOf(action.Node!.Value);
                scripted.Add((action.At, validator, RunContext.ValidatorAccount(plan.Seed, action.Node.Value), new EditValidator(validator, Status: ValidatorStatus.Active)));
                continue;
            }
            var from = AddressOf(action.Delegator);
            StakingTransaction message = action.Type switch
            {
                StakingActionType.Delegate => new DelegateStake(from, ownerOf(action.Node!.Value), ToAtto(action.Amount)),
                StakingActionType.Undelegate => new UndelegateStake(from, ownerOf(action.Node!.Value), ToAtto(action.Amount)),
                _ => new CollectRewards(from),
            };
            scripted.Add((action.At, from, Delegators[action.Delegator], message));
        }
        var nonces = new Dictionary<Address, ulong>();
        var signed = new List<(TimeSpan, SignedStakingTransaction)>();
        foreach (var (at, sender, key, message) in scripted.OrderBy(x => x.At))
        {
            var nonce = nonces.GetValueOrDefault(sender);
            nonces[sender] = nonce + 1;
            signed.Add((at, SignedStakingTransaction.Sign(message, nonce, key, Rules.Staking.ChainId)));
        }
        return signed;
    }
}
