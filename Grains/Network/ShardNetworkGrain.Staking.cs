using System.Numerics;
using HarmonySim.Grains.Staking;
using HarmonySim.Protocol.Consensus;
using HarmonySim.Protocol.Sharding.Crosslinks;
using HarmonySim.Protocol.Sharding.Randomness;
using HarmonySim.Protocol.Staking.Beacon;

namespace HarmonySim.Grains.Network;

/// <summary>
/// A staking run's traffic between shards and the beacon's bookkeeping. Shards send the beacon a crosslink for
/// every block they commit and any double-sign evidence their nodes observe; the beacon sends every shard the
/// shard state of each epoch-end block. Each message arrives one synchronisation window plus a gossip hop later,
/// at the whole receiving shard at once. The beacon network follows its canonical chain's state for the report
/// and the accounting check.
/// </summary>
public sealed partial class ShardNetworkGrain
{
    /// <summary>Time for a message to cross between shards' networks, on top of one synchronisation window.</summary>
    private static readonly TimeSpan CrossShardHop = TimeSpan.FromMilliseconds(100);

    private readonly List<CrossShardMessage> _outbox = [];
    private readonly List<Crosslink> _crosslinkPool = [];
    private readonly List<SlashRecord> _slashPool = [];
    private readonly List<RandomnessContribution> _randomnessPool = [];
    private readonly SortedDictionary<ulong, byte[]> _announced = [];
    private readonly StakingLedger _ledger = new();
    // The committees the shard's canonical chain knows (staking runs).
    private ChainCommittees? _committees;
    private BeaconState? _beaconState;
    private long _outSeq;

    public Task Deliver(IReadOnlyList<CrossShardMessage> messages)
    {
        foreach (var m in messages) Enqueue(m.At, ShardLevel, new Incoming(m.Payload));
        return Task.CompletedTask;
    }

    private TimeSpan CrossShardArrival => _now + _latency.MinimumLatency + CrossShardHop;

    private void Send(int toShard, CrossShardPayload payload) => _outbox.Add(new CrossShardMessage(CrossShardArrival, _shard, toShard, ++_outSeq, payload));

    /// <summary>The committee that signed a block of this shard: the epoch's, in a staking run.</summary>
    private Committee CommitteeAt(ulong number) =>
        _committees?.CommitteeFor((uint)_shard, _context.Config.EpochOf(number)) ?? _context.CommitteeOf(_shard);

    /// <summary>After a canonical commit: crosslink it (shards) or apply it to the beacon state (beacon).</summary>
    private void StakingCommitted(CommittedBlock committed)
    {
        if (_context.Staking is not { } world) return;
        _committees = _committees!.After(committed.Header);
        if (_shard != 0)
        {
            // As Harmony does, block N's crosslink takes the commit aggregate from header N+1, which the leader
            // completed during the grace period (the first commit may carry only a bare quorum).
            if (committed.Number >= 2 && _canonical.TryGetValue(committed.Number - 1, out var parent)
                && Crosslink.FromChild(parent.Header, committed.Header) is { } link)
                Send(0, new CrosslinkSent(link));
            return;
        }
        var outcome = world.Apply(committed.Block);
        if (outcome.State is null)
        {
            Log("beacon_state_error", ("height", committed.Number.ToString()), ("error", outcome.Error ?? "?"));
            return;
        }
        _beaconState = outcome.State;
        _ledger.Record(committed.Number, outcome, world, _context, _plan);
        foreach (var slash in outcome.Slashes)
            Log("slashed", ("validator", NodeOfOwner(slash.Validator)), ("epoch", slash.Epoch.ToString()), ("amount", slash.Amount.ToString()));
        foreach (var jail in outcome.Jailed)
            Log("jailed", ("validator", NodeOfOwner(jail.Validator)), ("epoch", outcome.State.Epoch.ToString()));
        if (outcome.NextCommittees is { } next && committed.Header.CarriesShardState)
        {
            Log("election", ("epoch", next.Epoch.ToString()), ("elected", outcome.Election?.Summary.ElectedKeys.ToString() ?? "0"),
                ("accounting", _ledger.Accounting[^1].Passed ? "ok" : "failed"),
                ("resharding", world.Rules.Policy.Kind == Protocol.Sharding.ReshardingPolicyKind.Harmony ? "key-mod"
                    : outcome.Election?.RandomnessQuorum == true ? "randomness" : "randomness-without-quorum"),
                ("contributions", (outcome.Election?.Contributions ?? 0).ToString()));
            for (var shard = 1; shard < _plan.Shards; shard++) Send(shard, new ShardStateSent(next.Epoch, committed.Header.ShardState));
            _randomnessPool.Clear();
            ContributeRandomness(_beaconState);
        }
        // Drop what the chain has included or made moot, and hand the beacon's nodes the rest.
        // A slashed validator is banned, so its evidence leaves the pool with it.
        var removed = _crosslinkPool.RemoveAll(l => l.BlockNumber <= _beaconState.LastCrosslink.GetValueOrDefault(l.ShardId))
            + _slashPool.RemoveAll(IsBanned);
        if (removed > 0) ShareBeaconPool();
    }

    /// <summary>
    /// In a randomness-resharding run, every running beacon committee node sends its VRF contributions for the epoch
    /// that just began (over the seed the chain fixed); they reach the beacon's nodes one gossip hop later.
    /// </summary>
    private void ContributeRandomness(BeaconState state)
    {
        if (_context.Staking is not { } world || world.Rules.Policy.Kind != Protocol.Sharding.ReshardingPolicyKind.Randomness) return;
        var committee = world.Cache.Get(state.Committees, 0);
        var contributions = new List<RandomnessContribution>();
        foreach (var node in _members.Where(m => !_crashed.Contains(m)))
            foreach (var key in _context.KeysOf(node).Where(k => committee.IndexOf(k.Public) >= 0))
                contributions.Add(RandomnessRound.Contribute(committee, state.RandomnessSeed, key));
        if (contributions.Count > 0) Enqueue(CrossShardArrival, ShardLevel, new Incoming(new RandomnessSent(contributions)));
    }

    private bool IsBanned(SlashRecord record) =>
        _context.NodeOfKey.TryGetValue(record.Evidence.Offender, out var node)
        && _beaconState?.Staking.ValidatorAt(Runs.RunContext.OwnerOf(_plan, node))?.Status == Protocol.Staking.ValidatorStatus.Banned;

    /// <summary>Double-sign evidence an honest node observed goes to the beacon chain (reported by that node's owner).</summary>
    private void EvidenceToBeacon(DoubleSignEvidence evidence, int observer)
    {
        if (_context.Staking is null) return;
        var record = new SlashRecord(evidence, Runs.RunContext.OwnerOf(_plan, observer));
        if (_shard == 0) Enqueue(CrossShardArrival, ShardLevel, new Incoming(new EvidenceSent(record)));
        else Send(0, new EvidenceSent(record));
    }

    /// <summary>A message from another shard (or the beacon's own evidence) arriving now.</summary>
    private void Receive(CrossShardPayload payload)
    {
        switch (payload)
        {
            case CrosslinkSent c:
                _crosslinkPool.Add(c.Link);
                ShareBeaconPool();
                break;
            case EvidenceSent e when !IsBanned(e.Record) && !_slashPool.Any(r => r.Evidence.Offender == e.Record.Evidence.Offender):
                _slashPool.Add(e.Record);
                ShareBeaconPool();
                break;
            case RandomnessSent r:
                _randomnessPool.AddRange(r.Contributions);
                ShareBeaconPool();
                break;
            case ReceiptsSent r:
                ReceiveReceipts(r.Proof);
                break;
            case ShardStateSent s:
                _announced[s.Epoch] = s.ShardState;
                foreach (var member in _members) Enqueue(_now, member, new ShardStateAnnounced(s.Epoch, s.ShardState));
                break;
        }
    }

    private void ShareBeaconPool()
    {
        var pool = new BeaconPool([.. _crosslinkPool], [.. _slashPool], [.. _randomnessPool]);
        foreach (var member in _members) Enqueue(_now, member, pool);
    }

    /// <summary>A restarted node hears again what the beacon announced and what the beacon's pool holds.</summary>
    private void Reannounce(int node)
    {
        foreach (var (epoch, state) in _announced) Enqueue(_now, node, new ShardStateAnnounced(epoch, state));
        if (_shard == 0 && _context.Staking is not null) Enqueue(_now, node, new BeaconPool([.. _crosslinkPool], [.. _slashPool], [.. _randomnessPool]));
        ReannounceReceipts(node);
    }

    private List<CrossShardMessage> TakeOutbox()
    {
        var sent = _outbox.ToList();
        _outbox.Clear();
        return sent;
    }

    private string NodeOfOwner(Protocol.Chain.Address owner) => _context.NodeOfOwner.TryGetValue(owner, out var n) ? n.ToString() : owner.ToString();

    private const int ShardLevel = -1;

    /// <summary>A shard-level input: a message from another shard.</summary>
    private sealed record Incoming(CrossShardPayload Payload) : ValidatorEvent;
}
