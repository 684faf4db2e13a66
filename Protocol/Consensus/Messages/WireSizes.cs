using HarmonySim.Protocol.Crypto;

namespace HarmonySim.Protocol.Consensus.Messages;

/// <summary>
/// The bytes a consensus message occupies on a link in Harmony: the protobuf <c>harmonymessage.Message</c> with its
/// ConsensusRequest or ViewChangeRequest (reference §1.2–1.3), Harmony's frame (<c>0x11 ‖ BE32(len)</c> and the
/// category byte), go-libp2p-pubsub's RPC around it (peer id, sequence number, topic, secp256k1 signature) and the
/// transport's framing (yamux header, Noise length and tag per 64 KiB). Each part is computed field by field, so
/// the size grows with the block, the bitmap and the view and block numbers as Harmony's does; the constants that
/// depend on libp2p (peer id, signature length) are typical values, documented in docs/DESIGN-NOTES.md.
/// </summary>
public static class WireSizes
{
    /// <summary>Harmony's frame: 0x11, a big-endian 32-bit length, the category byte (0x00, consensus).</summary>
    public const int HarmonyFrame = 1 + 4 + 1;

    /// <summary>A secp256k1 libp2p peer id: identity multihash of the 37-byte protobuf public key.</summary>
    private const int PeerIdBytes = 39;

    /// <summary>A DER-encoded secp256k1 signature of the pubsub message (70–72 bytes).</summary>
    private const int PubsubSignatureBytes = 71;

    /// <summary>yamux's frame header, per message.</summary>
    private const int YamuxHeader = 12;

    /// <summary>Noise: a 2-byte length and a 16-byte tag per transport frame of at most 65,535 bytes.</summary>
    private const int NoisePerFrame = 2 + 16;

    private const int NoiseFrame = 65_535 - 16;

    /// <summary>
    /// Bytes on the wire for <paramref name="message"/> in a committee of <paramref name="committeeSize"/> keys (the
    /// bitmap a multi-key vote carries is sized by the committee).
    /// </summary>
    public static int Of(FbftMessage message, int committeeSize)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Transport(Pubsub(message.ShardId, HarmonyFrame + Envelope(message, committeeSize)));
    }

    /// <summary>The protobuf <c>harmonymessage.Message</c>: type, envelope signature (not on votes) and the request.</summary>
    public static int Envelope(FbftMessage message, int committeeSize)
    {
        ArgumentNullException.ThrowIfNull(message);
        var signature = message is SignedFbftMessage or ViewChange ? Bytes(Signature.Size) : 0;
        // service_type CONSENSUS is 0 and proto3 omits it; the request is field 5 (consensus) or 7 (viewchange).
        return Varint(1, (ulong)message.Type) + signature + Bytes(Request(message, committeeSize));
    }

    /// <summary>The ConsensusRequest or ViewChangeRequest of <paramref name="message"/>.</summary>
    public static int Request(FbftMessage message, int committeeSize)
    {
        ArgumentNullException.ThrowIfNull(message);
        var head = Varint(1, message.ViewId) + Varint(2, message.BlockNumber) + Varint(3, message.ShardId);
        const int hash = 1 + 1 + Hash32.Size;
        const int key = 1 + 1 + PublicKey.Size;
        return message switch
        {
            // payload = the block hash again (reference §1.3).
            Announce a => head + hash + Bytes(a.Block.EncodedSize) + key + hash,
            // A single-key vote names its key; a multi-key vote a bitmap over the committee (reference §1.2).
            Vote v => head + hash + (v.Senders.Count == 1 ? key : Bytes(SignerBitmap.ByteLengthFor(committeeSize))) + Bytes(Signature.Size),
            Prepared p => head + hash + Bytes(p.Block.EncodedSize) + key + Bytes(Signature.Size + p.Bitmap.ByteLength),
            Committed c => head + hash + key + Bytes(Signature.Size + c.Bitmap.ByteLength),
            // sender, leader, M1 payload or nothing, the view-change and view-id signatures.
            ViewChange vc => head + key + key + (vc.M1 is null ? 0 : Bytes(vc.M1.Payload.Length)) + 2 * Bytes(Signature.Size),
            // sender, M1 payload, M2 and M3 aggregates and bitmaps, and the prepared block when there is an M1.
            NewView nv => head + key + (nv.M1 is null ? 0 : Bytes(nv.M1.Payload.Length) + Bytes(nv.M1.Block.EncodedSize))
                + (nv.M2Aggregate is null ? 0 : Bytes(Signature.Size)) + Bytes(nv.M2Bitmap.ByteLength)
                + Bytes(Signature.Size) + Bytes(nv.M3Bitmap.ByteLength),
            _ => throw new ArgumentException($"no wire size for {message.Type}", nameof(message)),
        };
    }

    /// <summary>
    /// One block in a stream-sync response (Harmony's <c>GetBlocksByNumResponse</c>: the block's RLP and its commit
    /// signature with the signer bitmap, each a repeated bytes field), without the response's transport framing.
    /// </summary>
    public static int SyncedBlock(Chain.Block block, int bitmapBytes)
    {
        ArgumentNullException.ThrowIfNull(block);
        return Bytes(block.EncodedSize) + Bytes(Signature.Size + bitmapBytes);
    }

    /// <summary>
    /// go-libp2p-pubsub's RPC with one published message: from (peer id), data, seqno (8 bytes), topic (Harmony's
    /// shard topic, reference §1.1) and signature; the key is inlined in the peer id, so not sent.
    /// </summary>
    public static int Pubsub(uint shard, int data)
    {
        var topic = shard == 0 ? "harmony/0.0.1/node/beacon".Length : "harmony/0.0.1/node/shard/".Length + Digits(shard);
        var inner = Bytes(PeerIdBytes) + Bytes(data) + Bytes(8) + Bytes(topic) + Bytes(PubsubSignatureBytes);
        // The RPC's repeated publish field, and the varint length prefix the stream puts before each RPC.
        var rpc = Bytes(inner);
        return VarintSize((ulong)rpc) + rpc;
    }

    /// <summary>The transport's framing around <paramref name="payload"/> bytes: yamux once, Noise per frame.</summary>
    public static int Transport(int payload) => payload + YamuxHeader + NoisePerFrame * Math.Max(1, (payload + NoiseFrame - 1) / NoiseFrame);

    /// <summary>A length-delimited protobuf field (tag below 16) of <paramref name="length"/> bytes; proto3 omits an empty one.</summary>
    public static int Bytes(int length) => length == 0 ? 0 : 1 + VarintSize((ulong)length) + length;

    /// <summary>A varint protobuf field of <paramref name="value"/> (tag below 16); proto3 omits a zero.</summary>
    private static int Varint(int field, ulong value) => value == 0 ? 0 : (field < 16 ? 1 : 2) + VarintSize(value);

    public static int VarintSize(ulong value) => value < 0x80 ? 1 : (70 - System.Numerics.BitOperations.LeadingZeroCount(value)) / 7;

    private static int Digits(uint value)
    {
        var digits = 1;
        for (; value >= 10; value /= 10) digits++;
        return digits;
    }
}
