using System.Buffers;
using HarmonySim.Protocol.Crypto;

namespace HarmonySim.Protocol.Consensus.Messages;

/// <summary>
/// PREPARE or COMMIT: one node's vote, its signature summed over all of its committee keys (Harmony's
/// aggregated multi-key vote). Not envelope-signed: the vote signature is the payload.
/// </summary>
public sealed class Vote : FbftMessage
{
    public Vote(MessageType type, uint shardId, ulong viewId, ulong blockNumber, Hash32 blockHash, IReadOnlyList<PublicKey> senders, Signature signature)
        : base(shardId, viewId, blockNumber)
    {
        if (type is not (MessageType.Prepare or MessageType.Commit)) throw new ArgumentException($"a vote is PREPARE or COMMIT, not {type}", nameof(type));
        if (senders.Count == 0) throw new ArgumentException("a vote needs at least one sender key", nameof(senders));
        Type = type;
        BlockHash = blockHash;
        Senders = senders;
        Signature = signature;
    }

    public override MessageType Type { get; }
    public Hash32 BlockHash { get; }

    /// <summary>The committee keys this vote speaks for.</summary>
    public IReadOnlyList<PublicKey> Senders { get; }

    public Signature Signature { get; }

    protected override void AppendContent(ArrayBufferWriter<byte> buffer)
    {
        Append(buffer, BlockHash);
        foreach (var s in Senders) buffer.Write(s.Bytes);
        buffer.Write(Signature.Bytes);
    }
}
