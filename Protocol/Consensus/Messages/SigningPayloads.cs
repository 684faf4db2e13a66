using System.Buffers.Binary;
using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Crypto;

namespace HarmonySim.Protocol.Consensus.Messages;

/// <summary>The exact bytes each FBFT vote signs (reference §1.3, §1.8).</summary>
public static class SigningPayloads
{
    /// <summary>M2's "no prepared block" marker.</summary>
    public static ReadOnlySpan<byte> Nil => [0x01];

    /// <summary>PREPARE signs the 32-byte block hash.</summary>
    public static byte[] Prepare(Hash32 blockHash) => blockHash.ToArray();

    /// <summary>COMMIT signs LE64(number) ‖ hash ‖ LE64(viewID), with the view the block was proposed in.</summary>
    public static byte[] Commit(ulong blockNumber, Hash32 blockHash, ulong viewId)
    {
        var payload = new byte[8 + Hash32.Size + 8];
        BinaryPrimitives.WriteUInt64LittleEndian(payload, blockNumber);
        blockHash.WriteTo(payload.AsSpan(8));
        BinaryPrimitives.WriteUInt64LittleEndian(payload.AsSpan(8 + Hash32.Size), viewId);
        return payload;
    }

    public static byte[] Commit(BlockHeader header) => Commit(header.Number, header.Hash, header.ViewId);

    /// <summary>M3 signs LE64(viewID).</summary>
    public static byte[] ViewId(ulong viewId)
    {
        var payload = new byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(payload, viewId);
        return payload;
    }
}
