using System.Buffers.Binary;
using System.Collections.Concurrent;

namespace HarmonySim.Protocol.Crypto.Bls;

/// <summary>
/// Process-wide memo of hash_to_curve (RFC 9380, G2): H(dst, m) is a pure function of its inputs, so remembering it
/// changes no answer and no byte. In a simulated shard every validator signs and checks the same PREPARE and COMMIT
/// payloads in one process, and each hash costs a few hundred microseconds; with the memo a payload is hashed once.
/// Entries also carry the message's line coefficients and signing table (<see cref="HashedMessage"/>).
/// Thread-safe. Bounded: the memo is dropped when it holds <see cref="Capacity"/> messages (a simulation moves on
/// to new payloads, so old ones are not missed), and at most <see cref="TableCapacity"/> signing tables are kept,
/// oldest dropped first. Two threads hashing the same new message at once may both compute it; both get one entry.
/// </summary>
internal sealed class MessageHashCache
{
    private readonly ConcurrentDictionary<byte[], HashedMessage> _entries = new(KeyComparer.Instance);
    private readonly ConcurrentDictionary<byte[], HashedMessage>.AlternateLookup<ReadOnlySpan<byte>> _lookup;
    private readonly ConcurrentQueue<HashedMessage> _tables = new();
    private int _count;
    private int _tableCount;

    public MessageHashCache(int capacity = 1024, int tableCapacity = 16, int tableAfterSigns = 8, int tableWidth = G2FixedBaseTable.DefaultWidth)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(tableCapacity, 0);
        ArgumentOutOfRangeException.ThrowIfLessThan(tableAfterSigns, 1);
        Capacity = capacity;
        TableCapacity = tableCapacity;
        // No table capacity means no tables: the threshold is never reached.
        TableAfterSigns = tableCapacity == 0 ? int.MaxValue : tableAfterSigns;
        TableWidth = tableWidth;
        _lookup = _entries.GetAlternateLookup<ReadOnlySpan<byte>>();
    }

    /// <summary>The memo every BLS path shares.</summary>
    public static MessageHashCache Shared { get; } = new();

    public int Capacity { get; }
    public int TableCapacity { get; }

    /// <summary>
    /// The signature of a message that builds its table. Measured (bench/BlsBenchmarks.cs): a table costs about as
    /// much as 6–7 plain signatures and saves about 70% of each later one, so building at the 8th signature keeps
    /// small committees (where a table would not pay) on the plain path and costs a 250-key committee about 4% more
    /// than building at the 2nd.
    /// </summary>
    public int TableAfterSigns { get; }

    public int TableWidth { get; }

    /// <summary>Messages held now.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>H(m) under the domain separation tag, from the memo or computed and remembered.</summary>
    public HashedMessage Get(ReadOnlySpan<byte> message, ReadOnlySpan<byte> dst)
    {
        var keyLength = 2 + dst.Length + message.Length;
        var key = keyLength <= 512 ? stackalloc byte[keyLength] : new byte[keyLength];
        BinaryPrimitives.WriteUInt16BigEndian(key, (ushort)dst.Length);
        dst.CopyTo(key[2..]);
        message.CopyTo(key[(2 + dst.Length)..]);
        if (_lookup.TryGetValue(key, out var known)) return known;

        var entry = new HashedMessage(this, HashToG2.Hash(message, dst));
        if (Interlocked.Increment(ref _count) > Capacity)
        {
            _entries.Clear();
            Volatile.Write(ref _count, 1);
        }
        return _entries.GetOrAdd(key.ToArray(), entry);
    }

    /// <summary>Records a newly built table and drops the oldest ones beyond the bound.</summary>
    internal void TableBuilt(HashedMessage entry)
    {
        _tables.Enqueue(entry);
        if (Interlocked.Increment(ref _tableCount) <= TableCapacity) return;
        if (_tables.TryDequeue(out var oldest))
        {
            Interlocked.Decrement(ref _tableCount);
            oldest.DropTable();
        }
    }

    /// <summary>Byte-wise equality of keys, also against a span (so a hit allocates nothing).</summary>
    private sealed class KeyComparer : IEqualityComparer<byte[]>, IAlternateEqualityComparer<ReadOnlySpan<byte>, byte[]>
    {
        public static readonly KeyComparer Instance = new();

        public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);
        public int GetHashCode(byte[] obj) => GetHashCode((ReadOnlySpan<byte>)obj);
        public bool Equals(ReadOnlySpan<byte> alternate, byte[] other) => alternate.SequenceEqual(other);

        public int GetHashCode(ReadOnlySpan<byte> alternate)
        {
            var hash = new HashCode();
            hash.AddBytes(alternate);
            return hash.ToHashCode();
        }

        public byte[] Create(ReadOnlySpan<byte> alternate) => alternate.ToArray();
    }
}
