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
    private Computed<Hash32>? _hash;

    public ulong Epoch { get; } = epoch;
    public IReadOnlyList<IReadOnlyList<CommitteeSlot>> Shards { get; } = shards;

    /// <summary>Keccak-256 of the encoding: two shard states with the same hash are the same committees.</summary>
    public Hash32 Hash => (_hash ??= new(Keccak256.Hash(Encode()))).Value;

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

    /// <summary>Decodes <see cref="Encode"/>'s output; throws <see cref="FormatException"/> naming what is wrong on anything else.</summary>
    public static ShardState Decode(byte[] bytes)
    {
        if (!RlpReader.TryDecode(bytes, out var item, out var error)) throw new FormatException("shard state: " + error);
        var outer = new RlpFieldReader(item!, "shard state");
        var epoch = outer.UInt64("epoch");
        var shardList = outer.List("shards");
        if (outer.Finish() is { } outerError) throw new FormatException(outerError);
        var shards = new List<IReadOnlyList<CommitteeSlot>>();
        foreach (var shard in shardList!.Items)
        {
            if (!shard.IsList) throw new FormatException($"shard state: shard {shards.Count} is not a list of slots");
            var slots = new List<CommitteeSlot>();
            foreach (var slot in shard.Items)
            {
                var where = $"shard state: shard {shards.Count} slot {slots.Count}";
                if (!slot.IsList || slot.Items.Count is < 2 or > 3 || slot.Items.Any(i => i.IsList))
                    throw new FormatException($"{where}: expected [key, owner] or [key, owner, stake]");
                if (slot.Items[0].Bytes.Length != PublicKey.Size) throw new FormatException($"{where}: key of {slot.Items[0].Bytes.Length} bytes");
                if (slot.Items[1].Bytes.Length != Address.Size) throw new FormatException($"{where}: owner of {slot.Items[1].Bytes.Length} bytes");
                BigInteger? stake = slot.Items.Count == 3 ? new BigInteger(slot.Items[2].Bytes, isUnsigned: true, isBigEndian: true) : null;
                slots.Add(new CommitteeSlot(new PublicKey(slot.Items[0].Bytes), new Address(slot.Items[1].Bytes), stake));
            }
            shards.Add(slots);
        }
        return new ShardState(epoch, shards);
    }
}
