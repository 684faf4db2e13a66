using System.Numerics;
using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Consensus;
using HarmonySim.Protocol.Crypto;

namespace HarmonySim.Protocol.Sharding;

/// <summary>
/// Every shard's committee slots for one epoch, as an epoch's last block carries them (reference §3.1: the header's
/// <c>ShardState</c>): per shard, the slots in bitmap order with their owner and, for staked slots, the effective stake.
/// </summary>
public sealed class ShardState(ulong epoch, IReadOnlyList<IReadOnlyList<CommitteeSlot>> shards)
{
    private byte[]? _encoded;
    private Hash32? _hash;

    public ulong Epoch { get; } = epoch;
    public IReadOnlyList<IReadOnlyList<CommitteeSlot>> Shards { get; } = shards;

    /// <summary>Keccak-256 of the encoding: two shard states with the same hash are the same committees.</summary>
    public Hash32 Hash => _hash ??= Keccak256.Hash(Encode());

    /// <summary>The same committees for another epoch (Harmony keeps the committees when nobody wins an election).</summary>
    public ShardState ForEpoch(ulong next) => new(next, Shards);

    public byte[] Encode() => _encoded ??= EncodeFresh();

    private byte[] EncodeFresh()
    {
        var w = new RlpWriter().StartList().UInt(Epoch).StartList();
        Span<byte> owner = stackalloc byte[Address.Size];
        foreach (var shard in Shards)
        {
            w.StartList();
            foreach (var slot in shard)
            {
                slot.Owner.WriteTo(owner);
                w.StartList().Bytes(slot.Key.Bytes).Bytes(owner);
                if (slot.EffectiveStake is { } stake) w.Bytes(stake.ToByteArray(isUnsigned: true, isBigEndian: true));
                w.EndList();
            }
            w.EndList();
        }
        return w.EndList().EndList().ToArray();
    }

    /// <summary>Decodes <see cref="Encode"/>'s output; throws <see cref="FormatException"/> on anything else.</summary>
    public static ShardState Decode(ReadOnlySpan<byte> bytes)
    {
        var outer = new RlpReader(bytes).List();
        var epoch = outer.UInt();
        var shardsReader = outer.List();
        var shards = new List<IReadOnlyList<CommitteeSlot>>();
        while (!shardsReader.AtEnd)
        {
            var slotsReader = shardsReader.List();
            var slots = new List<CommitteeSlot>();
            while (!slotsReader.AtEnd)
            {
                var slot = slotsReader.List();
                var key = new PublicKey(slot.Bytes());
                var owner = new Address(slot.Bytes());
                BigInteger? stake = slot.AtEnd ? null : new BigInteger(slot.Bytes(), isUnsigned: true, isBigEndian: true);
                if (!slot.AtEnd) throw new FormatException("RLP: a committee slot has more than three fields");
                slots.Add(new CommitteeSlot(key, owner, stake));
            }
            shards.Add(slots);
        }
        if (!outer.AtEnd) throw new FormatException("RLP: trailing fields after the shard state");
        return new ShardState(epoch, shards);
    }
}
