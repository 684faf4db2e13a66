using System.Buffers;
using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Crypto;

namespace HarmonySim.Protocol.Consensus.Messages;

/// <summary>ANNOUNCE: the leader proposes a block for the height in its view.</summary>
public sealed class Announce(uint shardId, ulong viewId, ulong blockNumber, Hash32 blockHash, Block block, PublicKey sender, Signature envelopeSignature)
    : SignedFbftMessage(shardId, viewId, blockNumber, sender, envelopeSignature)
{
    public override MessageType Type => MessageType.Announce;
    public Hash32 BlockHash { get; } = blockHash;
    public Block Block { get; } = block;

    protected override void AppendContent(ArrayBufferWriter<byte> buffer)
    {
        Append(buffer, BlockHash);
        buffer.Write(Sender.Bytes);
    }
}
