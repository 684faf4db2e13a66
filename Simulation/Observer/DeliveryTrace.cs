using System.Buffers.Binary;
using System.Security.Cryptography;
using HarmonySim.Protocol.Crypto;

namespace HarmonySim.Simulation.Observer;

/// <summary>
/// SHA-256 over every delivery of a shard, in delivery order: time (ticks), sender, receiver and the message's
/// digest, 48 bytes each. Entries are buffered and hashed in large blocks; the hash of the concatenation is the
/// same however it is split, so the digest equals one taken entry by entry, at a fraction of the per-call cost.
/// </summary>
public sealed class DeliveryTrace : IDisposable
{
    private const int EntrySize = 16 + Hash32.Size;
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly byte[] _buffer = new byte[EntrySize * 1024];
    private int _used;

    public void Add(TimeSpan at, int from, int to, Hash32 messageDigest)
    {
        if (_used == _buffer.Length) Flush();
        var entry = _buffer.AsSpan(_used, EntrySize);
        BinaryPrimitives.WriteInt64LittleEndian(entry, at.Ticks);
        BinaryPrimitives.WriteInt32LittleEndian(entry[8..], from);
        BinaryPrimitives.WriteInt32LittleEndian(entry[12..], to);
        messageDigest.WriteTo(entry[16..]);
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
