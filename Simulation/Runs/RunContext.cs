using System.Buffers.Binary;
using System.Numerics;
using System.Security.Cryptography;
using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Consensus;
using HarmonySim.Protocol.Consensus.Quorum;
using HarmonySim.Protocol.Crypto;
using HarmonySim.Protocol.Crypto.Bls;
using HarmonySim.Protocol.Crypto.Simulated;
using HarmonySim.Simulation.Staking;
using HarmonySim.Simulation.Validators;
using HarmonySim.Simulation.Transfers;
using HarmonySim.Protocol.Staking;

namespace HarmonySim.Simulation.Runs;

/// <summary>
/// The heavy, shareable objects of a run, rebuilt identically from its plan by every silo: the signature scheme,
/// every node's keys (derived from the seed), each shard's committee (shared by all validators of the shard in a
/// silo, so per-bitmap sums and verification results are computed once) and genesis blocks.
/// </summary>
public sealed class RunContext
{
    private readonly KeyPair[][] _keys;
    private readonly Committee[] _committees;
    private readonly Address[] _owners;

    public RunContext(RunPlan plan)
    {
        Plan = plan;
        // With BLS, validators of a shard in one silo share each check of the same signature on the same message.
        var scheme = SignatureSchemes.Create(plan.Consensus.Scheme, plan.Seed);
        Memo = plan.Consensus.Scheme == SignatureSchemeKind.Bls ? new SharedVerificationScheme(scheme) : null;
        Scheme = Memo ?? scheme;
        Config = new FbftConfig
        {
            BlockPeriod = plan.Timing.BlockTime,
            PhaseTimeout = plan.Timing.PhaseTimeout,
            ViewChangeTimeout = plan.Timing.ViewChangeTimeout,
            ViewChangeSlot = plan.Timing.ViewChangeSlot,
            BootstrapTimeout = plan.Timing.BootstrapTimeout,
            MinCommitGrace = plan.Timing.CommitGrace ?? TimeSpan.FromSeconds(1),
            BlocksPerEpoch = plan.Timing.BlocksPerEpoch,
            ViewChangeLeaders = plan.Timing.AllValidatorsLeadViewChanges ? ViewChangeLeaderPolicy.AllValidators : ViewChangeLeaderPolicy.HarmonyKeysOnly,
            Rotation = plan.Timing.RotateAfterBlocks is { } k ? LeaderRotation.After(k) : plan.Timing.MainnetRotation ? LeaderRotation.Mainnet : LeaderRotation.None,
            PlantedBug = plan.PlantedBug,
        };
        _keys = [.. plan.Nodes.Select(n => Enumerable.Range(0, n.Keys).Select(k => CreateKey(n, k)).ToArray())];
        if (plan.ByzantineLeaderShare is { } share)
            Config = Config with { ExploredLeaders = new ExploredLeaders(plan.Seed, KeysOf(plan, n => n.Behaviour != NodeBehaviour.Honest), share, plan.ByzantineLeadersUntil)
            {
                Favoured = KeysOf(plan, n => n.Behaviour == NodeBehaviour.StaleCertificateLeader),
            } };
        // Owners first: an external validator's is a secp256k1 account, derived once here for the committees,
        // the staking world and the reports.
        _owners = [.. plan.Nodes.Select(n => OwnerOf(plan, n.Id))];
        if (plan.Staking is not null)
        {
            Staking = new StakingWorld(plan, Scheme, node => _keys[node], OwnerOf);
            _committees = [.. Enumerable.Range(0, plan.Shards).Select(s => Staking.Cache.Get(Staking.GenesisCommittees, s))];
        }
        else _committees = [.. Enumerable.Range(0, plan.Shards).Select(BuildCommittee)];
        Committees = new ShardCommittees(_committees);
        Genesis = [.. _committees.Select(c => CommittedBlock.Genesis(Block.Genesis(c.ShardId, Config.GenesisUnixTime, Address.OfBlsKey(c.KeyAt(0).Bytes))))];
        NodeOfKey = plan.Nodes.SelectMany(n => _keys[n.Id].Select(k => (k.Public, n.Id))).ToDictionary(x => x.Public, x => x.Id);
        NodeOfOwner = plan.Nodes.ToDictionary(n => _owners[n.Id], n => n.Id);
        Staking?.SetGenesis(Genesis[0].Hash);
        if (plan.Transfers is not null || plan.Load is not null || plan.Testnet is not null)
        {
            var load = plan.Load is { } l ? l.Sources.Select(s => new Load.LoadAccounts(plan.Seed, s, l.Signing)).ToArray() : [];
            // A testnet's transfers are signed for its own chain id (wallets know the testnet family's), not the staking rules'.
            Transfers = Staking is { } staking
                ? new TransferWorld(plan, plan.Testnet?.ChainId ?? staking.Rules.Staking.ChainId, ChainCommittees.Of(staking.Cache, staking.GenesisCommittees), load)
                : new TransferWorld(plan, plan.Testnet?.ChainId ?? new Protocol.Staking.Transactions.StakingParameters().ChainId, new FixedChainCommittees(Committees), load);
            for (var shard = 0; shard < plan.Shards; shard++) Transfers.SetGenesis(shard, Genesis[shard].Hash);
        }
    }

    /// <summary>The transfers and load of a run with a transfers or load section, else null.</summary>
    public TransferWorld? Transfers { get; }

    /// <summary>The staking world of a run with a staking section (elections, beacon state), else null.</summary>
    public StakingWorld? Staking { get; }

    /// <summary>
    /// The nodes a shard's network serves, in id order: those placed in it; under randomness resharding every node,
    /// since an election may seat any node's keys in any shard (each node then follows every shard's chain and votes
    /// where it holds a seat).
    /// </summary>
    public static IEnumerable<int> MembersOf(RunPlan plan, int shard) =>
        plan.Staking is { RandomnessResharding: true } ? plan.Nodes.Select(n => n.Id) : plan.NodesOf(shard).Select(n => n.Id).Order();

    /// <summary>A node's earning address (<see cref="OwnerOf(RunPlan, int)"/>, computed once).</summary>
    public Address OwnerOf(int node) => _owners[node];

    /// <summary>Which node an earning address belongs to.</summary>
    public IReadOnlyDictionary<Address, int> NodeOfOwner { get; }

    /// <summary>
    /// The committees a node consults: in a staking run its own view, which learns each epoch's committees from its
    /// chain; otherwise the run's fixed committees, shared.
    /// </summary>
    public ICommitteeProvider CommitteesForNode() =>
        Staking is { } world ? new EpochCommittees(world.Cache, world.GenesisCommittees) : Committees;

    /// <summary>The public keys of the plan's nodes that <paramref name="which"/> selects.</summary>
    private PublicKey[] KeysOf(RunPlan plan, Func<NodePlan, bool> which) =>
        [.. plan.Nodes.Where(which).SelectMany(n => _keys[n.Id].Select(k => k.Public))];

    /// <summary>
    /// A node's key. In a staking run an external node grinds its keys (tries further key material) until each
    /// maps to the node's shard by Harmony's key-mod rule, as operators do to choose their shard.
    /// </summary>
    private KeyPair CreateKey(NodePlan node, int key)
    {
        var grind = Plan.Staking is not null && node.StakePerKey is not null;
        for (var attempt = 0; ; attempt++)
        {
            var pair = Scheme.CreateKey(RunSeeds.KeyMaterial(Plan.Seed, node.Id, key, attempt));
            if (!grind || ShardAssignment.ShardOf(pair.Public, Plan.Shards) == node.Shard) return pair;
        }
    }

    public RunPlan Plan { get; }
    public ISignatureScheme Scheme { get; }

    /// <summary>The shared verification memo (BLS runs), which a leader can prime by batch-verifying its votes.</summary>
    public SharedVerificationScheme? Memo { get; }
    public FbftConfig Config { get; }
    public ICommitteeProvider Committees { get; }
    public IReadOnlyList<CommittedBlock> Genesis { get; }
    public IReadOnlyDictionary<PublicKey, int> NodeOfKey { get; }

    public IReadOnlyList<KeyPair> KeysOf(int node) => _keys[node];

    public Committee CommitteeOf(int shard) => _committees[shard];

    /// <summary>Harmony's committee order: Harmony-operated nodes first, then external nodes by descending stake (ties by node id).</summary>
    public static IReadOnlyList<NodePlan> SlotOrder(RunPlan plan, int shard)
    {
        var members = plan.NodesOf(shard).ToList();
        return [.. members.Where(n => n.StakePerKey is null).Concat(members.Where(n => n.StakePerKey is not null).OrderByDescending(n => n.StakePerKey).ThenBy(n => n.Id))];
    }

    /// <summary>Each node's share of its shard's voting power (fixed point, <see cref="VotingPower.One"/> = all), without building keys.</summary>
    public static IReadOnlyDictionary<int, long> VotingPowerByNode(RunPlan plan, int shard)
    {
        var slots = SlotOrder(plan, shard).SelectMany(n => Enumerable.Repeat(n, n.Keys)).ToList();
        var power = VotingPower.Compute([.. slots.Select(n => StakeOf(n))], [.. slots.Select(_ => true)], VotingPower.FromDecimal(plan.Consensus.HarmonyVoteShare));
        if (plan.Consensus.Quorum != QuorumMode.ByVotingPower) power = [.. slots.Select(_ => VotingPower.One / slots.Count)];
        return slots.Select((n, i) => (n.Id, Power: power[i])).GroupBy(x => x.Id).ToDictionary(g => g.Key, g => g.Sum(x => x.Power));
    }

    private static BigInteger? StakeOf(NodePlan node) =>
        node.StakePerKey is { } stake ? new BigInteger(stake * 1_000_000_000m) * BigInteger.Pow(10, 9) : null;

    private Committee BuildCommittee(int shard)
    {
        var order = SlotOrder(Plan, shard);
        if (order.Count == 0) throw new ArgumentException($"shard {shard} has no validators", nameof(shard));
        var slots = order.SelectMany(n => _keys[n.Id].Select(k => new CommitteeSlot(k.Public, _owners[n.Id], StakeOf(n)))).ToList();
        return new Committee((uint)shard, 0, slots, Scheme, Plan.Consensus.Quorum,
            VotingPower.FromDecimal(Plan.Consensus.HarmonyVoteShare)) { PlantedBug = Plan.PlantedBug };
    }

    /// <summary>
    /// A node's earning address: all of its keys belong to one validator. In a staking run an external node's is
    /// its validator account (a secp256k1 key derived from the seed and the node), which signs its staking
    /// transactions; otherwise a hash of the node id.
    /// </summary>
    public static Address OwnerOf(RunPlan plan, int node)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.Staking is not null && plan.Nodes[node].StakePerKey is not null) return new Address(ValidatorAccount(plan.Seed, node).Address);
        Span<byte> input = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(input, node);
        return new Address(SHA256.HashData(input).AsSpan(0, Address.Size));
    }

    /// <summary>The account key of an external node's validator in a staking run.</summary>
    public static Protocol.Crypto.Accounts.AccountKey ValidatorAccount(ulong seed, int node) => RunSeeds.Account(seed, "validator", node.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private sealed class ShardCommittees(Committee[] committees) : ICommitteeProvider
    {
        // Without a staking section there are no elections: a shard keeps its committee every epoch.
        public Committee CommitteeFor(uint shardId, ulong epoch) =>
            shardId < committees.Length ? committees[shardId] : throw new ArgumentException($"no shard {shardId}", nameof(shardId));
    }
}
