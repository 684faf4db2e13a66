using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Numerics;
using System.Security.Cryptography;
using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Consensus;
using HarmonySim.Protocol.Consensus.Messages;
using HarmonySim.Protocol.Consensus.Quorum;
using HarmonySim.Protocol.Crypto;
using HarmonySim.Protocol.Crypto.Accounts;
using HarmonySim.Protocol.Crypto.Simulated;
using HarmonySim.Protocol.Sharding;
using HarmonySim.Protocol.Sharding.Crosslinks;
using HarmonySim.Protocol.Staking;
using HarmonySim.Protocol.Staking.Beacon;
using HarmonySim.Protocol.Staking.Rewards;
using HarmonySim.Protocol.Staking.State;
using HarmonySim.Protocol.Staking.Transactions;

namespace HarmonySim.Protocol.Tests.Staking.Beacon;

/// <summary>
/// Test data for the beacon transition: 3 shards × 4 slots (1 Harmony slot each, 49 % Harmony vote), simulated-scheme
/// keys chosen so that key-mod placement puts them where wanted, and four validators:
/// <list type="bullet">
/// <item>V1: 2 keys on shard 0, self 3,000,000 ONE, D1 1,000,000 and D2 500,000 delegated, commission 10 %.</item>
/// <item>V2: 1 key on shard 0, 1 on shard 1, self 2,000,000, D3 1,000,000 delegated, commission 20 %.</item>
/// <item>V3: 2 keys on shard 1, 1 on shard 2, self 4,500,000, commission 5 %.</item>
/// <item>V4: 2 keys on shard 2, self 3,000,000, commission 0 %.</item>
/// </list>
/// 9 keys = the pull, so the genesis election seats every key. Delegators D1–D4 (secp256k1 accounts) hold 1,000,000 ONE each.
/// Block reward 7 ONE per block, lock 2 epochs.
/// </summary>
internal sealed class BeaconBuilder
{
    public const int Shards = 3;
    public const ulong ChainId = 1;
    public static readonly BigInteger Reward = Units.One(7);
    public static readonly Address V1 = EposBuilder.Addr(1), V2 = EposBuilder.Addr(2), V3 = EposBuilder.Addr(3), V4 = EposBuilder.Addr(4),
        HarmonyOwner = EposBuilder.Addr(99), Leader = EposBuilder.Addr(77), Reporter = EposBuilder.Addr(78);

    private readonly ConcurrentDictionary<(Hash32, int), Committee> _committees = new();
    private readonly Dictionary<PublicKey, KeyPair> _keys = [];
    private int _nextIkm;

    public BeaconBuilder(ulong blocksPerEpoch = 4, ReshardingPolicy? resharding = null, ulong lockEpochs = 2)
    {
        Scheme = new SimulatedSignatureScheme(11);
        HarmonySlots = [.. Enumerable.Range(0, Shards).Select(s => (IReadOnlyList<HarmonySlot>)[new HarmonySlot(NewKey(s).Public, HarmonyOwner)])];
        DelegatorKeys = [.. Enumerable.Range(1, 4).Select(i => AccountKey.FromSecret(SHA256.HashData(BitConverter.GetBytes(i + 500))))];
        var election = new EposParameters(Shards, 4, 1, 0.35m, SlotsLimit: 0, HarmonyVoteShare: 0.49m);
        var staking = StakingParameters.Mainnet with
        {
            HarmonyKeys = [.. HarmonySlots.SelectMany(h => h.Select(x => x.Key))],
            LockEpochs = lockEpochs,
            ChainId = ChainId,
        };
        Rules = new BeaconRules(blocksPerEpoch, election, HarmonySlots, staking,
            new BlockRewardSchedule([new RewardEra(0, Reward, Reward)]), Resharding: resharding);

        var state = StakingState.Empty;
        state = state.WithValidator(Validator(V1, 0.10m, [NewKey(0), NewKey(0)], (V1, 3_000_000), (D(1), 1_000_000), (D(2), 500_000)));
        state = state.WithValidator(Validator(V2, 0.20m, [NewKey(0), NewKey(1)], (V2, 2_000_000), (D(3), 1_000_000)));
        state = state.WithValidator(Validator(V3, 0.05m, [NewKey(1), NewKey(1), NewKey(2)], (V3, 4_500_000)));
        state = state.WithValidator(Validator(V4, 0m, [NewKey(2), NewKey(2)], (V4, 3_000_000)));
        for (var i = 1; i <= 4; i++) state = state.Fund(D(i), Units.One(1_000_000));
        GenesisStaking = state;
        GenesisSupply = state.TotalSupply();

        var result = EposElection.Compute(ElectionInput.Candidates(state), HarmonySlots, election);
        if (!result.HasWinners || result.Winners.Count != 9) throw new InvalidOperationException("the genesis election should seat all 9 keys");
        GenesisCommittees = new ShardState(0, result.Committees);
        Genesis = BeaconState.Genesis(state, GenesisCommittees);
        GenesisHeader = Block.Genesis(0, 1_600_000_000, Leader).Header;
    }

    public SimulatedSignatureScheme Scheme { get; }
    public IReadOnlyList<IReadOnlyList<HarmonySlot>> HarmonySlots { get; }
    public IReadOnlyList<AccountKey> DelegatorKeys { get; }
    public BeaconRules Rules { get; }
    public StakingState GenesisStaking { get; }
    public BigInteger GenesisSupply { get; }
    public ShardState GenesisCommittees { get; }
    public BeaconState Genesis { get; }
    public BlockHeader GenesisHeader { get; }

    /// <summary>Delegator i (1–4)'s address.</summary>
    public Address D(int i) => new(DelegatorKeys[i - 1].Address);

    public KeyPair KeyOf(PublicKey key) => _keys[key];

    /// <summary>A fresh simulated key (not in any committee) whose key-mod-3 shard is <paramref name="shard"/>.</summary>
    public KeyPair NewKey(int shard)
    {
        while (true)
        {
            var key = Scheme.CreateKey(SHA256.HashData(BitConverter.GetBytes(7_000 + _nextIkm++)));
            if (EposBuilder.ShardByBigInteger(key.Public, Shards) != shard) continue;
            _keys[key.Public] = key;
            return key;
        }
    }

    private static Validator Validator(Address address, decimal rate, KeyPair[] keys, params (Address Who, long Ones)[] delegations) =>
        new(address, [.. keys.Select(k => k.Public)], new CommissionRates(rate, 0.9m, 0.05m), Units.One(10_000), Units.One(100_000_000),
            ValidatorStatus.Active, new ValidatorDescription($"v{address}"), 0, rate, 0,
            delegations.Aggregate(ImmutableSortedDictionary.Create<Address, Delegation>(AddressOrder.Instance),
                (d, x) => d.Add(x.Who, new Delegation(Units.One(x.Ones), 0, []))));

    public Committee CommitteeOf(ShardState state, int shard) =>
        _committees.GetOrAdd((state.Hash, shard), _ => new Committee((uint)shard, state.Epoch, state.Shards[shard], Scheme,
            QuorumMode.ByVotingPower, VotingPower.FromDecimal(0.49m)));

    /// <summary>The committees a beacon state knows: its epoch's and the previous epoch's (as the runtime's provider).</summary>
    public ICommitteeProvider CommitteesOf(BeaconState state) => new StateCommittees(this, state);

    public BeaconChain Chain(BeaconRules? rules = null) => new(this, rules ?? Rules);

    /// <summary>Slot indices of <paramref name="owner"/>'s keys in <paramref name="committee"/>.</summary>
    public static int[] SlotsOf(Committee committee, Address owner) =>
        [.. Enumerable.Range(0, committee.Count).Where(i => committee.Slots[i].Owner == owner)];

    public static int[] AllSlots(Committee committee) => [.. Enumerable.Range(0, committee.Count)];

    public static int[] HarmonySlotsOf(Committee committee) =>
        [.. Enumerable.Range(0, committee.Count).Where(i => committee.Slots[i].IsHarmonyOperated)];

    public Signature Aggregate(Committee committee, byte[] payload, IEnumerable<int> signers) =>
        Scheme.Aggregate(signers.Select(i => Scheme.Sign(KeyOf(committee.KeyAt(i)).Secret, payload)));

    /// <summary>
    /// A crosslink for shard <paramref name="shard"/>'s block <paramref name="number"/> (epoch by the rules unless
    /// <paramref name="epoch"/> is given), its commit aggregate signed by <paramref name="signers"/> (default: all slots)
    /// of <paramref name="committee"/>, taken from the child header as Harmony does.
    /// </summary>
    public Crosslink Crosslink(Committee committee, ulong number, int[]? signers = null, ulong? epoch = null)
    {
        var block = new BlockHeader
        {
            ShardId = committee.ShardId, Number = number, Epoch = epoch ?? Rules.EpochOf(number), ViewId = number + 3,
            ParentHash = new Hash32(SHA256.HashData(BitConverter.GetBytes(number * 31 + committee.ShardId))),
        };
        var members = signers ?? AllSlots(committee);
        var child = new BlockHeader
        {
            ShardId = committee.ShardId, Number = number + 1, Epoch = Rules.EpochOf(number + 1), ViewId = number + 4, ParentHash = block.Hash,
            LastCommitSignature = Aggregate(committee, SigningPayloads.Commit(block), members),
            LastCommitBitmap = SignerBitmap.Of(committee.Count, members).ToBytes(),
        };
        return Protocol.Sharding.Crosslinks.Crosslink.FromChild(block, child)!;
    }

    /// <summary>A COMMIT vote for <paramref name="hash"/> at (<paramref name="number"/>, <paramref name="view"/>) signed by <paramref name="keys"/>.</summary>
    public Vote Commit(uint shard, ulong number, ulong view, Hash32 hash, params PublicKey[] keys)
    {
        var payload = SigningPayloads.Commit(number, hash, view);
        return new Vote(MessageType.Commit, shard, view, number, hash, keys,
            Scheme.Aggregate(keys.Select(k => Scheme.Sign(KeyOf(k).Secret, payload))));
    }

    /// <summary>A double-sign record: <paramref name="offender"/> committed two different blocks at (number, view) on <paramref name="shard"/>.</summary>
    public SlashRecord DoubleSign(PublicKey offender, ulong number, uint shard = 0, Address? reporter = null)
    {
        var view = number + 1;
        var first = Commit(shard, number, view, HashOf(number, 1), offender);
        var second = Commit(shard, number, view, HashOf(number, 2), offender);
        return new SlashRecord(new DoubleSignEvidence(offender, number, view, first, second), reporter ?? Reporter);
    }

    public static Hash32 HashOf(ulong number, int variant) => new(SHA256.HashData([.. BitConverter.GetBytes(number), (byte)variant]));

    public SignedStakingTransaction Sign(StakingTransaction message, ulong nonce, int delegator) =>
        SignedStakingTransaction.Sign(message, nonce, DelegatorKeys[delegator - 1], ChainId);

    private sealed class StateCommittees(BeaconBuilder builder, BeaconState state) : ICommitteeProvider
    {
        public Committee CommitteeFor(uint shardId, ulong epoch) =>
            KnownCommittee(shardId, epoch) ?? throw new InvalidOperationException($"no committee for shard {shardId} epoch {epoch}");

        public Committee? KnownCommittee(uint shardId, ulong epoch)
        {
            var source = state.Committees.Epoch == epoch ? state.Committees : state.PreviousCommittees?.Epoch == epoch ? state.PreviousCommittees : null;
            return source is not null && shardId < source.Shards.Count ? builder.CommitteeOf(source, (int)shardId) : null;
        }
    }
}

/// <summary>
/// A beacon chain under test: the head header and its state. <see cref="Propose"/> builds the next header (as
/// <c>BeaconBlockBuilder</c> does: <see cref="EmptyBlockBuilder.Header"/> over the body's commitments) carrying the
/// parent's commit aggregate signed by the chosen slots of the parent's shard-0 committee, and applies it.
/// </summary>
internal sealed class BeaconChain(BeaconBuilder builder, BeaconRules rules)
{
    public BeaconRules Rules { get; } = rules;
    public BeaconState State { get; private set; } = builder.Genesis;
    public BlockHeader Head { get; private set; } = builder.GenesisHeader;

    public ulong NextNumber => Head.Number + 1;

    public ICommitteeProvider Committees => builder.CommitteesOf(State);

    /// <summary>The shard-0 committee that signed the head (the one the next header's LastCommit is over).</summary>
    public Committee HeadCommittee => Committees.CommitteeFor(0, Rules.EpochOf(Head.Number));

    /// <summary>Shard <paramref name="shard"/>'s committee in the epoch of the next block.</summary>
    public Committee Committee(int shard) => Committees.CommitteeFor((uint)shard, Rules.EpochOf(NextNumber));

    public BlockHeader Header(BeaconBody body, int[]? signers = null, Address? coinbase = null)
    {
        var committee = HeadCommittee;
        var members = signers ?? BeaconBuilder.AllSlots(committee);
        var number = NextNumber;
        var context = new ProposalContext(0, number, Rules.EpochOf(number), number, Head.Hash, Head.Time + 2, coinbase ?? BeaconBuilder.Leader,
            builder.Aggregate(committee, SigningPayloads.Commit(Head), members), SignerBitmap.Of(committee.Count, members), null);
        return EmptyBlockBuilder.Header(context, body.TransactionsRoot([], Rules.Staking.ChainId), body.EncodeCrosslinks(), body.EncodeSlashes(), [],
            body.EncodeContributions());
    }

    /// <summary>Applies the next block without moving the head.</summary>
    public BeaconOutcome Propose(BeaconBody? body = null, int[]? signers = null, Address? coinbase = null) =>
        Apply(Header(body ?? BeaconBody.Empty, signers, coinbase), body ?? BeaconBody.Empty);

    public BeaconOutcome Apply(BlockHeader header, BeaconBody body) => BeaconTransition.Apply(State, header, body, Rules, Committees);

    /// <summary>Applies the next block, which must be valid, and moves the head to it.</summary>
    public BeaconOutcome Step(BeaconBody? body = null, int[]? signers = null, Address? coinbase = null)
    {
        var b = body ?? BeaconBody.Empty;
        var header = Header(b, signers, coinbase);
        var outcome = Apply(header, b);
        Assert.IsNull(outcome.Error, $"block {header.Number}: {outcome.Error}");
        Head = header;
        State = outcome.State!;
        return outcome;
    }

    /// <summary>Steps with empty blocks (every slot signing) until the head is the block before <paramref name="number"/>.</summary>
    public void StepUntil(ulong number)
    {
        while (NextNumber < number) Step();
    }
}
