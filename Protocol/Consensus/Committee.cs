using System.Collections.Concurrent;
using System.Numerics;
using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Consensus.Mutants;
using HarmonySim.Protocol.Consensus.Quorum;
using HarmonySim.Protocol.Crypto;
using HarmonySim.Protocol.Numeric;

namespace HarmonySim.Protocol.Consensus;

/// <summary>One committee slot: a BLS key, the validator (earning address) that owns it, and its effective stake (none for Harmony-operated slots).</summary>
public sealed record CommitteeSlot(PublicKey Key, Address Owner, BigInteger? EffectiveStake = null)
{
    public bool IsHarmonyOperated => EffectiveStake is null;
}

/// <summary>
/// A shard's committee for one epoch: ordered slots (Harmony-operated first, as Harmony lists them), voting
/// power, the quorum rule and the keys prepared for aggregate checks. Immutable and shareable between nodes.
/// </summary>
public sealed class Committee
{
    private readonly Dictionary<PublicKey, int> _indexByKey = [];
    private readonly Dictionary<Address, int> _indexByCoinbase = [];
    private readonly long[] _power;
    private readonly IReadOnlyList<Dec> _groupShare;
    private readonly bool[] _counted;
    private readonly ulong[] _votingMask;
    private readonly ConcurrentDictionary<SignerBitmap, bool> _quorumCache = new();
    // Entries added since the cache was last cleared (ConcurrentDictionary.Count takes every lock).
    private int _quorumCacheAdded;

    public Committee(uint shardId, ulong epoch, IReadOnlyList<CommitteeSlot> slots, ISignatureScheme scheme,
        QuorumMode mode = QuorumMode.ByCount, long harmonyVoteShare = VotingPower.One)
    {
        if (slots.Count == 0) throw new ArgumentException("a committee needs at least one slot", nameof(slots));
        ShardId = shardId;
        Epoch = epoch;
        Slots = slots;
        Scheme = scheme;
        Mode = mode;
        _counted = new bool[slots.Count];
        for (var i = 0; i < slots.Count; i++)
        {
            if (!scheme.IsValidPublicKey(slots[i].Key))
                throw new ArgumentException($"slot {i} key {slots[i].Key.ShortName} is not a valid {scheme.Name} public key", nameof(slots));
            // Harmony counts a key listed twice once: its first slot votes, later copies are inert.
            if (_indexByKey.TryAdd(slots[i].Key, i))
            {
                _counted[i] = true;
                _indexByCoinbase.TryAdd(Address.OfBlsKey(slots[i].Key.Bytes), i);
                if (slots[i].IsHarmonyOperated) HarmonySlotCount++;
                UniqueCount++;
            }
        }
        _votingMask = new ulong[(slots.Count + 63) >> 6];
        for (var i = 0; i < slots.Count; i++)
            if (_counted[i]) _votingMask[i >> 6] |= 1UL << (i & 63);
        var shares = VotingPower.ComputeShares([.. slots.Select(s => s.EffectiveStake)], _counted, harmonyVoteShare);
        _power = [.. shares.Overall.Select(p => (long)p.Raw)];
        _groupShare = shares.Group;
        CountThreshold = 2 * UniqueCount / 3 + 1;
        KeySet = scheme.CreateKeySet([.. slots.Select(s => s.Key)]);
    }

    public uint ShardId { get; }
    public ulong Epoch { get; }
    public IReadOnlyList<CommitteeSlot> Slots { get; }
    public ISignatureScheme Scheme { get; }
    public QuorumMode Mode { get; }
    public IAggregateKeySet KeySet { get; }
    public int Count => Slots.Count;
    public int UniqueCount { get; }
    public int HarmonySlotCount { get; }

    /// <summary>Signers needed in <see cref="QuorumMode.ByCount"/>: ⌊2n/3⌋ + 1 over distinct keys.</summary>
    public int CountThreshold { get; }

    public PublicKey KeyAt(int index) => Slots[index].Key;

    /// <summary>Slot index of a key (its first slot if listed twice), or −1 when the key is not in the committee.</summary>
    public int IndexOf(PublicKey key) => _indexByKey.TryGetValue(key, out var i) ? i : -1;

    /// <summary>Slot index of the key whose BLS address is <paramref name="coinbase"/>, or −1.</summary>
    public int IndexOfCoinbase(Address coinbase) => _indexByCoinbase.TryGetValue(coinbase, out var i) ? i : -1;

    /// <summary>False for the second and later slots of a duplicated key, which never vote.</summary>
    public bool IsVotingSlot(int index) => _counted[index];

    public long PowerOf(int index) => _power[index];

    /// <summary>The slot's share within its kind: for an external slot, its share of the external stake (Harmony's <c>GroupPercent</c>).</summary>
    public Dec GroupShareOf(int index) => _groupShare[index];

    /// <summary>The voting power of the bitmap's signers (inert duplicate slots count nothing), out of <see cref="VotingPower.One"/>.</summary>
    public long PowerOf(SignerBitmap signers)
    {
        ArgumentNullException.ThrowIfNull(signers);
        long power = 0;
        var words = signers.Words;
        for (var w = 0; w < words.Length; w++)
        {
            for (var word = words[w]; word != 0; word &= word - 1)
            {
                var i = (w << 6) + System.Numerics.BitOperations.TrailingZeroCount(word);
                if (i < _counted.Length && _counted[i]) power += _power[i];
            }
        }
        return power;
    }

    public bool IsQuorum(long power, int signers) => PlantedBug == PlantedBug.HalfQuorum
        ? (Mode == QuorumMode.ByCount ? 2 * signers >= UniqueCount : power >= VotingPower.One / 2)
        : Mode == QuorumMode.ByCount ? signers >= CountThreshold : power > VotingPower.TwoThirds;

    /// <summary>A deliberately broken quorum rule for the mutation check (tests only; see <see cref="Mutants.PlantedBug"/>).</summary>
    internal PlantedBug PlantedBug { get; init; }

    /// <summary>Whether the bitmap's signers form a quorum; bits on inert duplicate slots make it invalid.</summary>
    public bool IsQuorum(SignerBitmap signers)
    {
        if (signers.Size != Count) return false;
        if (_quorumCache.TryGetValue(signers, out var known)) return known;
        // Bounded: the validators of a shard ask about the same few bitmaps, then move on to the next height's.
        if (Interlocked.Increment(ref _quorumCacheAdded) > 1024)
        {
            _quorumCache.Clear();
            Interlocked.Exchange(ref _quorumCacheAdded, 0);
        }
        return _quorumCache.GetOrAdd(signers, static (bitmap, self) => self.IsWellFormed(bitmap) && self.IsQuorum(self.PowerOf(bitmap), bitmap.Count), this);
    }

    /// <summary>True when every set bit names a voting slot.</summary>
    public bool IsWellFormed(SignerBitmap signers)
    {
        if (signers.Size != Count) return false;
        var words = signers.Words;
        for (var w = 0; w < words.Length; w++)
            if ((words[w] & ~_votingMask[w]) != 0) return false;
        return true;
    }

    public override string ToString() => $"shard {ShardId} epoch {Epoch}: {Count} slots, {HarmonySlotCount} Harmony-operated, {Mode}";
}
