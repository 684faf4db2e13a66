using System.Numerics;

namespace HarmonySim.Simulation.Propagation;

/// <summary>
/// One node's Kademlia routing table: 64 k-buckets by the length of the common prefix of the 64-bit ids (bucket i
/// holds peers whose XOR distance has i leading zeros). A full bucket keeps its old entries (they answered; libp2p's
/// DHT does not evict live peers), so a newcomer is dropped.
/// </summary>
public sealed class KademliaTable(int owner, ulong id, int bucketSize)
{
    private readonly List<int>?[] _buckets = new List<int>?[64];

    public int Owner { get; } = owner;
    public ulong Id { get; } = id;

    /// <summary>Entries in all buckets.</summary>
    public int Count { get; private set; }

    /// <summary>Adds <paramref name="peer"/> (id <paramref name="peerId"/>) unless it is there, is the owner, or its bucket is full.</summary>
    public bool Observe(int peer, ulong peerId)
    {
        if (peer == Owner) return false;
        var bucket = _buckets[Bucket(peerId)] ??= [];
        if (bucket.Count >= bucketSize || bucket.Contains(peer)) return false;
        bucket.Add(peer);
        Count++;
        return true;
    }

    public bool Remove(int peer, ulong peerId)
    {
        if (_buckets[Bucket(peerId)] is not { } bucket || !bucket.Remove(peer)) return false;
        Count--;
        return true;
    }

    public bool Contains(int peer, ulong peerId) => _buckets[Bucket(peerId)]?.Contains(peer) ?? false;

    /// <summary>Buckets holding at least one entry.</summary>
    public int NonEmptyBuckets => _buckets.Count(b => b is { Count: > 0 });

    /// <summary>Every entry, bucket by bucket.</summary>
    public IEnumerable<int> Entries => _buckets.Where(b => b is not null).SelectMany(b => b!);

    /// <summary>The <paramref name="count"/> entries closest to <paramref name="target"/> by XOR distance (ties by node number).</summary>
    public List<int> Closest(ulong target, int count, Func<int, ulong> idOf)
    {
        var all = Entries.ToList();
        all.Sort((a, b) => (idOf(a) ^ target).CompareTo(idOf(b) ^ target) is var c && c != 0 ? c : a.CompareTo(b));
        if (all.Count > count) all.RemoveRange(count, all.Count - count);
        return all;
    }

    /// <summary>The bucket a peer falls in: the number of leading bits its id shares with the owner's.</summary>
    public int Bucket(ulong peerId) => Math.Min(63, BitOperations.LeadingZeroCount(peerId ^ Id));
}
