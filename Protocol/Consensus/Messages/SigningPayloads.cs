using System.Buffers.Binary;
using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Crypto;

namespace HarmonySim.Protocol.Consensus.Messages;

/// <summary>The exact bytes each FBFT vote signs (reference §1.3, §1.8).</summary>
public static class SigningPayloads
{
    /// <summary>M2's "no prepared block" marker.</summary>
    public static ReadOnlySpan<byte> Nil => [0x01];

    /// <summary>PREPARE signs the 32-byte block hash (which commits to the view the block was proposed in).</summary>
    public static byte[] Prepare(Hash32 blockHash) => blockHash.ToArray();

    /// <summary>
    /// PREPARE in view <paramref name="viewId"/> for a block proposed in <paramref name="proposedView"/>: the hash alone
    /// in its own view (Harmony's form), hash ‖ LE64(view) when a NEWVIEW carried the block into a later view. The view
    /// must be signed there: a carried block's certificate ranks at the view it was prepared again in, and a leader
    /// must not be able to relabel an older certificate with a later view.
    /// </summary>
    public static byte[] Prepare(Hash32 blockHash, ulong viewId, ulong proposedView)
    {
        if (viewId == proposedView) return Prepare(blockHash);
        var payload = new byte[Hash32.Size + 8];
        blockHash.WriteTo(payload);
        BinaryPrimitives.WriteUInt64LittleEndian(payload.AsSpan(Hash32.Size), viewId);
        return payload;
    }

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
