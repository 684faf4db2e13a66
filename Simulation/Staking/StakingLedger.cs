using System.Numerics;
using HarmonySim.Simulation.Runs;
using HarmonySim.Protocol.Consensus.Quorum;
using HarmonySim.Protocol.Sharding;
using HarmonySim.Protocol.Staking;
using HarmonySim.Protocol.Staking.Availability;
using HarmonySim.Protocol.Staking.Beacon;
using HarmonySim.Protocol.Staking.Transactions;

namespace HarmonySim.Simulation.Staking;

/// <summary>The beacon network's record of a staking run for the report, filled from its canonical chain's outcomes in order.</summary>
public sealed class StakingLedger
{
    private readonly List<ElectionRecord> _elections = [];
    private readonly List<SlashedRecord> _slashed = [];
    private readonly List<JailedRecord> _jailed = [];
    private readonly List<AccountingRecord> _accounting = [];
    private readonly List<SupplyRecord> _supply = [];
    private readonly Dictionary<Protocol.Chain.Address, SigningCounters> _signing = [];
    private BeaconState? _last;
    private TimeSpan _lastAt;

    public IReadOnlyList<AccountingRecord> Accounting => _accounting;

    public int EpochsCompleted => _accounting.Count;

    public void Record(ulong height, TimeSpan at, BeaconOutcome outcome, StakingWorld world, RunContext context)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(context);
        var state = outcome.State!;
        if (_elections.Count == 0)
        {
            _elections.Add(Election(0, world.GenesisElection, world.GenesisCommittees, world, context));
            _supply.Add(Supply(world.GenesisBeacon, world.GenesisBeacon.Staking.TotalSupply(), TimeSpan.Zero, world, rewardEpoch: 0, epochEnd: false));
        }
        // A testnet player's validator has no simulated node: the report's per-node records leave it out.
        foreach (var s in outcome.Slashes.Where(s => context.NodeOfOwner.ContainsKey(s.Validator)))
            _slashed.Add(new SlashedRecord(context.NodeOfOwner[s.Validator], s.Epoch, ToOne(s.Amount), ToOne(s.Burned)));
        foreach (var j in outcome.Jailed.Where(j => context.NodeOfOwner.ContainsKey(j.Validator))) _jailed.Add(new JailedRecord(context.NodeOfOwner[j.Validator], state.Epoch));
        if (world.Rules.IsLastBlockInEpoch(height))
        {
            // The epoch's counters as availability judged them: before this last block's own signatures were counted.
            if (_last is not null) Add(_signing, _last.Counters);
            var expected = world.GenesisSupply + state.Minted - state.Burned + state.Deposited;
            var actual = state.Staking.TotalSupply();
            _accounting.Add(new AccountingRecord(world.Rules.EpochOf(height), expected.ToString(), actual.ToString(), expected == actual));
            _supply.Add(Supply(state, actual, at, world, rewardEpoch: world.Rules.EpochOf(height) + 1, epochEnd: true));
            if (outcome.Election is { } e && outcome.NextCommittees is { } next) _elections.Add(Election(e.Epoch, e.Summary, next, world, context));
        }
        _last = state;
        _lastAt = at;
    }

    public StakingRunResult Result(RunContext context, TimeSpan now)
    {
        ArgumentNullException.ThrowIfNull(context);
        var nodes = context.NodeOfOwner;
        var rewards = _last?.RewardsPaid.Where(kv => nodes.ContainsKey(kv.Key)).ToDictionary(kv => nodes[kv.Key], kv => ToOne(kv.Value)) ?? [];
        var banned = _last?.Staking.Validators.Values.Where(v => v.Status == ValidatorStatus.Banned && nodes.ContainsKey(v.Address)).Select(v => nodes[v.Address]).Order().ToList() ?? [];
        var supply = _supply.ToList();
        if (_last is not null && supply[^1].At != _lastAt) supply.Add(Supply(_last, _last.Staking.TotalSupply(), _lastAt, context.Staking!, rewardEpoch: _last.Epoch, epochEnd: false));
        var stakes = _last?.Staking.Validators.Values.Where(v => nodes.ContainsKey(v.Address)).ToDictionary(v => nodes[v.Address], v => ToOne(v.TotalDelegation)) ?? [];
        var signing = new Dictionary<Protocol.Chain.Address, SigningCounters>(_signing);
        if (_last is not null) Add(signing, _last.Counters);
        return new StakingRunResult(EpochsCompleted, _elections, _slashed, _jailed, banned, rewards, _accounting, Rejections(context.Staking!, now), supply, stakes,
            signing.Where(kv => nodes.ContainsKey(kv.Key)).ToDictionary(kv => nodes[kv.Key], kv => new SigningRecord(kv.Value.ToSign, kv.Value.Signed)));
    }

    /// <summary>The supply as <paramref name="state"/> holds it at <paramref name="at"/>, with the reward per block in force from there (that of <paramref name="rewardEpoch"/>).</summary>
    /// <summary>A point of the supply series; <paramref name="supply"/> is the state's total supply, already summed by the caller.</summary>
    private static SupplyRecord Supply(BeaconState state, BigInteger supply, TimeSpan at, StakingWorld world, ulong rewardEpoch, bool epochEnd) => new(
        state.Epoch, at, supply.ToString(), state.Minted.ToString(), state.Burned.ToString(), state.MintedToRecovery.ToString(),
        world.Rules.Rewards.ForEpoch(rewardEpoch, state.EpochStartSupply).PerBlock.ToString(), epochEnd);

    /// <summary>
    /// Scripted transactions submitted by <paramref name="now"/> whose nonce the sender never used: the first of each
    /// sender with the reason it fails on the final state, the later ones as held back behind it.
    /// </summary>
    private List<StakingRejection> Rejections(StakingWorld world, TimeSpan now)
    {
        var rejected = new List<StakingRejection>();
        if (_last is null) return rejected;
        var blocked = new HashSet<Protocol.Chain.Address>();
        foreach (var (at, tx) in world.Transactions)
        {
            if (at > now) break;
            var sender = tx.Message.Sender;
            if (tx.Nonce < _last.Staking.AccountOf(sender).Nonce) continue;
            var kind = tx.Message.GetType().Name;
            if (!blocked.Add(sender))
            {
                rejected.Add(new StakingRejection(at, kind, sender.ToString(), "held back: an earlier transaction of the same sender never applied"));
                continue;
            }
            var result = StakingTransactionProcessor.ApplySigned(_last.Staking, tx, _last.Epoch, world.Rules.Staking);
            rejected.Add(new StakingRejection(at, kind, sender.ToString(), result.Rejection?.ToString() ?? "not included before the run ended"));
        }
        return rejected;
    }

    private static void Add(Dictionary<Protocol.Chain.Address, SigningCounters> signing, IEnumerable<KeyValuePair<Protocol.Chain.Address, SigningCounters>> counters)
    {
        foreach (var (validator, c) in counters) signing[validator] = signing.GetValueOrDefault(validator) + c;
    }

    private static ElectionRecord Election(ulong epoch, ElectionSummary summary, ShardState committees, StakingWorld world, RunContext context)
    {
        var maxShare = new Dictionary<string, long>();
        var byShard = new SortedDictionary<string, decimal[]>(StringComparer.Ordinal);
        var elected = new SortedSet<int>();
        for (var shard = 0; shard < committees.Shards.Count; shard++)
        {
            var committee = world.Cache.Get(committees, shard);
            var byCohort = new Dictionary<string, long>();
            for (var i = 0; i < committee.Count; i++)
            {
                // An outside player's slot (no simulated node) counts in no cohort.
                if (!context.NodeOfOwner.TryGetValue(committee.Slots[i].Owner, out var node)) continue;
                if (!committee.Slots[i].IsHarmonyOperated) elected.Add(node);
                var cohort = context.Plan.Nodes[node].Cohort;
                byCohort[cohort] = byCohort.GetValueOrDefault(cohort) + committee.PowerOf(i);
            }
            foreach (var (cohort, power) in byCohort)
            {
                maxShare[cohort] = Math.Max(maxShare.GetValueOrDefault(cohort), power);
                if (!byShard.TryGetValue(cohort, out var shares)) byShard[cohort] = shares = new decimal[committees.Shards.Count];
                shares[shard] = (decimal)power / VotingPower.One;
            }
        }
        return new ElectionRecord(epoch, summary.ElectedKeys, ToOne(summary.Median), summary.KeysPerShard, summary.ExternalKeysPerShard,
            [.. elected], maxShare.OrderBy(kv => kv.Key, StringComparer.Ordinal).ToDictionary(kv => kv.Key, kv => (decimal)kv.Value / VotingPower.One))
        {
            CohortShardPower = byShard.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<decimal>)kv.Value, StringComparer.Ordinal),
        };
    }

    private static decimal ToOne(BigInteger atto) => (decimal)atto / 1_000_000_000_000_000_000m;
}
