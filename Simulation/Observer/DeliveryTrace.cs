using System.Buffers.Binary;
using System.Security.Cryptography;

namespace HarmonySim.Simulation.Observer;

/// <summary>
/// SHA-256 over every delivery of a shard, in delivery order: time (ticks), sender, receiver and the message's
/// 128-bit fingerprint (XxHash128 of its signing bytes), 32 bytes each — trace format <see cref="Format"/>. Format
/// 1 used the message's Keccak-256 digest, which cost a quarter of a large run's time. Entries are buffered and
/// hashed in large blocks; the hash of the concatenation is the same however it is split.
/// </summary>
public sealed class DeliveryTrace : IDisposable
{
    /// <summary>The trace format, named in the event log beside each shard's trace hash.</summary>
    public const string Format = "2";

    private const int EntrySize = 16 + 16;
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly byte[] _buffer = new byte[EntrySize * 1024];
    private int _used;

    public void Add(TimeSpan at, int from, int to, UInt128 fingerprint)
    {
        if (_used == _buffer.Length) Flush();
        var entry = _buffer.AsSpan(_used, EntrySize);
        BinaryPrimitives.WriteInt64LittleEndian(entry, at.Ticks);
        BinaryPrimitives.WriteInt32LittleEndian(entry[8..], from);
        BinaryPrimitives.WriteInt32LittleEndian(entry[12..], to);
        BinaryPrimitives.WriteUInt128LittleEndian(entry[16..], fingerprint);
        _used += EntrySize;
    }

    /// <summary>The hash so far (lower-case hex).</summary>
    public string Hex()
    {
        Flush();
        return Convert.ToHexStringLower(_hash.GetCurrentHash());
    }

    public void Dispose() => _hash.Dispose();

    private void Flush()
    {
        _hash.AppendData(_buffer, 0, _used);
        _used = 0;
    }
}
