using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using HarmonySim.Protocol.Crypto.Accounts;

namespace HarmonySim.Simulation.Runs;

/// <summary>
/// Every value a run derives from its seed, in one place: each is SHA-256 of the seed and a purpose-specific input,
/// never the clock and never a generator shared between purposes. The byte layouts are part of what makes a run
/// reproducible (same seed, same digest), so a change here changes every digest.
/// </summary>
public static class RunSeeds
{
    /// <summary>The seed of shard <paramref name="shard"/>'s network generator (loss and latency draws): SHA-256(seed ‖ "network" ‖ shard).</summary>
    public static int Network(ulong seed, int shard) => BinaryPrimitives.ReadInt32LittleEndian(Tagged(seed, "network"u8, shard));

    /// <summary>The seed of load source <paramref name="source"/>'s Poisson gaps on <paramref name="shard"/>: SHA-256(seed ‖ "load-arrivals" ‖ source·65536 + shard).</summary>
    public static int LoadArrivals(ulong seed, int shard, int source) => BinaryPrimitives.ReadInt32LittleEndian(Tagged(seed, "load-arrivals"u8, (source << 16) + shard));

    /// <summary>The seed of load source <paramref name="source"/>'s sender, kind and recipient draws on <paramref name="shard"/>: SHA-256(seed ‖ "load-draws" ‖ source·65536 + shard).</summary>
    public static int LoadDraws(ulong seed, int shard, int source) => BinaryPrimitives.ReadInt32LittleEndian(Tagged(seed, "load-draws"u8, (source << 16) + shard));

    /// <summary>A node's 64-bit Kademlia id in the overlay: SHA-256(seed ‖ "overlay" ‖ node), first 8 bytes.</summary>
    public static ulong OverlayId(ulong seed, int node) => BinaryPrimitives.ReadUInt64LittleEndian(Tagged(seed, "overlay"u8, node));

    /// <summary>The seed of shard <paramref name="shard"/>'s overlay generator (lookups' random targets, mesh grafts): SHA-256(seed ‖ "overlay-draws" ‖ shard).</summary>
    public static int Overlay(ulong seed, int shard) => BinaryPrimitives.ReadInt32LittleEndian(Tagged(seed, "overlay-draws"u8, shard));

    /// <summary>The side of the shard an honest node is on, as split-brain nodes see it: SHA-256(seed ‖ "side" ‖ node), low bit.</summary>
    public static int Side(ulong seed, int node) => Tagged(seed, "side"u8, node)[0] & 1;

    /// <summary>Key material for key <paramref name="key"/> of node <paramref name="node"/> (attempt > 0 when grinding): SHA-256(seed ‖ node ‖ key ‖ tag ‖ attempt).</summary>
    public static byte[] KeyMaterial(ulong seed, int node, int key, int attempt = 0)
    {
        var input = new byte[8 + 4 + 4 + 16 + (attempt > 0 ? 4 : 0)];
        BinaryPrimitives.WriteUInt64LittleEndian(input, seed);
        BinaryPrimitives.WriteInt32LittleEndian(input.AsSpan(8), node);
        BinaryPrimitives.WriteInt32LittleEndian(input.AsSpan(12), key);
        "HarmonySim keys\0"u8.CopyTo(input.AsSpan(16));
        if (attempt > 0) BinaryPrimitives.WriteInt32LittleEndian(input.AsSpan(32), attempt);
        return SHA256.HashData(input);
    }

    /// <summary>An account key named within the run: SHA-256 of "{seed}/{kind}/{name}" (kind: validator, delegator, account).</summary>
    public static AccountKey Account(ulong seed, string kind, string name) =>
        AccountKey.FromSecret(SHA256.HashData(Encoding.UTF8.GetBytes($"{seed}/{kind}/{name}")));

    /// <summary>The randomness a randomness-resharding run shuffles its genesis slots with: Keccak-256 of "HarmonySim genesis randomness {seed}".</summary>
    public static Protocol.Crypto.Hash32 GenesisRandomness(ulong seed) =>
        Protocol.Crypto.Keccak256.Hash(Encoding.UTF8.GetBytes($"HarmonySim genesis randomness {seed}"));

    /// <summary>The generator that places nodes and draws stakes when a scenario becomes a plan (a multiplicative hash of the seed).</summary>
    public static Random Placement(ulong seed) => new(unchecked((int)(seed * 2_654_435_761UL >> 16)));

    /// <summary>The generator a campaign draws one run's Twins-style schedule from (byzantine nodes, partitions per round): SHA-256(seed ‖ "exploration" ‖ 0).</summary>
    public static Random Exploration(ulong seed) => new(BinaryPrimitives.ReadInt32LittleEndian(Tagged(seed, "exploration"u8, 0)));

    /// <summary>
    /// Whether an omission schedule drops one message (<see cref="Plans.OmissionPlan"/>): the round (height, view, type)
    /// draws its loss rate from SHA-256(seed ‖ "omission-round" ‖ height ‖ view ‖ type) — none when its first byte is
    /// even, else the cube of the uniform number its next four bytes make;
    /// the message is dropped when SHA-256(seed ‖ "omission" and six zero bytes ‖ height ‖ view ‖ type ‖ from ‖ to) falls below that rate.
    /// </summary>
    public static bool Omitted(ulong seed, ulong height, ulong view, byte type, int from, int to, double lossyRounds = 0.5)
    {
        Span<byte> input = stackalloc byte[8 + 14 + 8 + 8 + 1 + 4 + 4];
        BinaryPrimitives.WriteUInt64LittleEndian(input, seed);
        "omission-round"u8.CopyTo(input[8..]);
        BinaryPrimitives.WriteUInt64LittleEndian(input[22..], height);
        BinaryPrimitives.WriteUInt64LittleEndian(input[30..], view);
        input[38] = type;
        Span<byte> round = stackalloc byte[32];
        SHA256.HashData(input[..39], round);
        if ((round[0] & 1) == 0) return false;
        // Below ½, a second draw of the same round thins the lossy ones (½ keeps the first draw alone, as before).
        if (lossyRounds < 0.5 && BinaryPrimitives.ReadUInt16LittleEndian(round[5..]) >= lossyRounds * 2 * 65536) return false;
        // The cube of a uniform draw: most lossy rounds lose little, so a large committee still gathers quorums and
        // the schedules that matter (one side progressing while the other holds a certificate) happen at all.
        var uniform = BinaryPrimitives.ReadUInt32LittleEndian(round[1..]) / (double)uint.MaxValue;
        var rate = (uint)(uint.MaxValue * (uniform * uniform * uniform));
        // The tag "omission" zero-padded to the length of "omission-round", so the buffer keeps its layout.
        input.Slice(8, 14).Clear();
        "omission"u8.CopyTo(input[8..]);
        BinaryPrimitives.WriteInt32LittleEndian(input[39..], from);
        BinaryPrimitives.WriteInt32LittleEndian(input[43..], to);
        Span<byte> draw = stackalloc byte[32];
        SHA256.HashData(input, draw);
        return BinaryPrimitives.ReadUInt32LittleEndian(draw) < rate;
    }

    /// <summary>Whether a commit cut (<see cref="Plans.CommitCutPlan"/>) hits height <paramref name="height"/>: SHA-256(seed ‖ "commit-cut" ‖ height) below <paramref name="share"/>.</summary>
    public static bool Cuts(ulong seed, ulong height, double share)
    {
        Span<byte> input = stackalloc byte[8 + 10 + 8];
        BinaryPrimitives.WriteUInt64LittleEndian(input, seed);
        "commit-cut"u8.CopyTo(input[8..]);
        BinaryPrimitives.WriteUInt64LittleEndian(input[18..], height);
        Span<byte> draw = stackalloc byte[32];
        SHA256.HashData(input, draw);
        return (BinaryPrimitives.ReadUInt64LittleEndian(draw) >> 11) * (1.0 / (1UL << 53)) < share;
    }

    private static byte[] Tagged(ulong seed, ReadOnlySpan<byte> tag, int id)
    {
        Span<byte> input = stackalloc byte[8 + tag.Length + 4];
        BinaryPrimitives.WriteUInt64LittleEndian(input, seed);
        tag.CopyTo(input[8..]);
        BinaryPrimitives.WriteInt32LittleEndian(input[(8 + tag.Length)..], id);
        return SHA256.HashData(input);
    }
}
