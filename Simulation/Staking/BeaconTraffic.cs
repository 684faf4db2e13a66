using System.Globalization;
using HarmonySim.Protocol.Consensus;
using HarmonySim.Protocol.Sharding;
using HarmonySim.Protocol.Sharding.Crosslinks;
using HarmonySim.Protocol.Sharding.Randomness;
using HarmonySim.Protocol.Staking;
using HarmonySim.Protocol.Staking.Beacon;
using HarmonySim.Simulation.Network;
using HarmonySim.Simulation.Runs;

namespace HarmonySim.Simulation.Staking;

/// <summary>
/// A staking run's traffic between shards and the beacon's bookkeeping, for one shard's network. Shards send the
/// beacon a crosslink for every block they commit and any double-sign evidence their nodes observe; the beacon sends
/// every shard the shard state of each epoch-end block. Each message arrives one synchronisation window plus a gossip
/// hop later, at the whole receiving shard at once. The beacon network follows its canonical chain's state for the
/// report and the accounting check.
/// </summary>
public sealed class BeaconTraffic
{
    private readonly IShardPort _port;
    private readonly StakingWorld _world;
    private readonly List<Crosslink> _crosslinkPool = [];
    private readonly List<SlashRecord> _slashPool = [];
    private readonly List<RandomnessContribution> _randomnessPool = [];
    private readonly SortedDictionary<ulong, byte[]> _announced = [];
    private readonly StakingLedger _ledger = new();
    // The committees the shard's canonical chain knows.
    private ChainCommittees _committees;
    private BeaconState? _beaconState;

    public BeaconTraffic(IShardPort port, StakingWorld world)
    {
        _port = port;
        _world = world;
        _committees = ChainCommittees.Of(world.Cache, world.GenesisCommittees);
    }

    public int EpochsCompleted => _ledger.EpochsCompleted;

    /// <summary>The beacon state after the canonical chain's latest block this network followed (the genesis state before any).</summary>
    public BeaconState State => _beaconState ?? _world.GenesisBeacon;

    public Committee CommitteeAt(ulong number) => _committees.CommitteeFor((uint)_port.Shard, _port.Context.Config.EpochOf(number));

    /// <summary>At the start: the beacon's committee contributes randomness for the first epoch.</summary>
    public void Start()
    {
        if (_port.Shard == 0) ContributeRandomness(_world.GenesisBeacon);
    }

    /// <summary>After a canonical commit: crosslink it (shards) or apply it to the beacon state (beacon).</summary>
    public void Committed(CommittedBlock committed)
    {
        _committees = _committees.After(committed.Header);
        if (_port.Shard != 0)
        {
            // As Harmony does, block N's crosslink takes the commit aggregate from header N+1, which the leader
            // completed during the grace period (the first commit may carry only a bare quorum).
            if (committed.Number >= 2 && _port.Observer.Canonical(committed.Number - 1) is { } parent
                && Crosslink.FromChild(parent.Header, committed.Header) is { } link)
                _port.ToShard(0, new CrosslinkSent(link));
            return;
        }
        var outcome = _world.Apply(committed.Block);
        if (outcome.State is null)
        {
            Log("beacon_state_error", ("height", Text(committed.Number)), ("error", outcome.Error ?? "?"));
            return;
        }
        _beaconState = outcome.State;
        _ledger.Record(committed.Number, _port.Now, outcome, _world, _port.Context);
        foreach (var slash in outcome.Slashes)
            Log("slashed", ("validator", NodeOfOwner(slash.Validator)), ("epoch", Text(slash.Epoch)), ("amount", slash.Amount.ToString(CultureInfo.InvariantCulture)));
        foreach (var jail in outcome.Jailed)
            Log("jailed", ("validator", NodeOfOwner(jail.Validator)), ("epoch", Text(outcome.State.Epoch)));
        if (outcome.NextCommittees is { } next && committed.Header.CarriesShardState)
        {
            Log("election", ("epoch", Text(next.Epoch)), ("elected", outcome.Election?.Summary.ElectedKeys.ToString(CultureInfo.InvariantCulture) ?? "0"),
                ("accounting", _ledger.Accounting[^1].Passed ? "ok" : "failed"),
                ("resharding", _world.Rules.Policy.Kind == ReshardingPolicyKind.Harmony ? "key-mod"
                    : outcome.Election?.RandomnessQuorum == true ? "randomness" : "randomness-without-quorum"),
                ("contributions", (outcome.Election?.Contributions ?? 0).ToString(CultureInfo.InvariantCulture)));
            for (var shard = 1; shard < _port.Context.Plan.Shards; shard++) _port.ToShard(shard, new ShardStateSent(next.Epoch, committed.Header.ShardState));
            _randomnessPool.Clear();
            ContributeRandomness(_beaconState);
        }
        // Drop what the chain has included or made moot, and hand the beacon's nodes the rest.
        // A slashed validator is banned, so its evidence leaves the pool with it.
        var removed = _crosslinkPool.RemoveAll(l => l.BlockNumber <= _beaconState.LastCrosslink.GetValueOrDefault(l.ShardId))
            + _slashPool.RemoveAll(IsBanned);
        if (removed > 0) ShareBeaconPool();
    }

    /// <summary>Double-sign evidence an honest node observed goes to the beacon chain (reported by that node's owner).</summary>
    public void Evidence(DoubleSignEvidence evidence, int observer)
    {
        var record = new SlashRecord(evidence, _port.Context.OwnerOf(observer));
        if (_port.Shard == 0) _port.ToSelf(_port.CrossShardArrival, new EvidenceSent(record));
        else _port.ToShard(0, new EvidenceSent(record));
    }

    /// <summary>A message from another shard (or the beacon's own evidence) arriving now; false when it is not staking traffic.</summary>
    public bool Receive(CrossShardPayload payload)
    {
        switch (payload)
        {
            case CrosslinkSent c:
                _crosslinkPool.Add(c.Link);
                ShareBeaconPool();
                return true;
            case EvidenceSent e:
                if (!IsBanned(e.Record) && !_slashPool.Any(r => r.Evidence.Offender == e.Record.Evidence.Offender))
                {
                    _slashPool.Add(e.Record);
                    ShareBeaconPool();
                }
                return true;
            case RandomnessSent r:
                _randomnessPool.AddRange(r.Contributions);
                ShareBeaconPool();
                return true;
            case ShardStateSent s:
                _announced[s.Epoch] = s.ShardState;
                _port.ToMembers(new ShardStateAnnounced(s.Epoch, s.ShardState));
                return true;
            default:
                return false;
        }
    }

    /// <summary>A restarted node hears again what the beacon announced and what the beacon's pool holds.</summary>
    public void Reannounce(int node)
    {
        foreach (var (epoch, state) in _announced) _port.ToNode(node, new ShardStateAnnounced(epoch, state));
        if (_port.Shard == 0) _port.ToNode(node, Pool());
    }

    public StakingRunResult? Result() => _port.Shard == 0 ? _ledger.Result(_port.Context, _port.Now) : null;

    /// <summary>
    /// In a randomness-resharding run, every running beacon committee node sends its VRF contributions for the epoch
    /// that just began (over the seed the chain fixed); they reach the beacon's nodes one gossip hop later.
    /// </summary>
    private void ContributeRandomness(BeaconState state)
    {
        if (_world.Rules.Policy.Kind != ReshardingPolicyKind.Randomness) return;
        var committee = _world.Cache.Get(state.Committees, 0);
        var contributions = new List<RandomnessContribution>();
        foreach (var node in _port.Members.Where(m => !_port.IsCrashed(m)))
            foreach (var key in _port.Context.KeysOf(node).Where(k => committee.IndexOf(k.Public) >= 0))
                contributions.Add(RandomnessRound.Contribute(committee, state.RandomnessSeed, key));
        if (contributions.Count > 0) _port.ToSelf(_port.CrossShardArrival, new RandomnessSent(contributions));
    }

    private bool IsBanned(SlashRecord record) =>
        _port.Context.NodeOfKey.TryGetValue(record.Evidence.Offender, out var node)
        && _beaconState?.Staking.ValidatorAt(_port.Context.OwnerOf(node))?.Status == ValidatorStatus.Banned;

    private void ShareBeaconPool() => _port.ToMembers(Pool());

    private BeaconPool Pool() => new([.. _crosslinkPool], [.. _slashPool], [.. _randomnessPool]);

    private string NodeOfOwner(Protocol.Chain.Address owner) => _port.Context.NodeOfOwner.TryGetValue(owner, out var n) ? Text(n) : owner.ToString();

    private void Log(string kind, params (string Key, string Value)[] fields) => _port.Observer.Log(_port.Now, kind, fields);

    private static string Text(ulong value) => value.ToString(CultureInfo.InvariantCulture);
    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
