using HarmonySim.Protocol.Crypto;

namespace HarmonySim.Protocol.State;

/// <summary>
/// Key of an incoming proof a shard has credited: a source block's receipts to one destination are proven by one
/// proof, so (source shard, source block hash) identifies it within the destination's ledger.
/// </summary>
public readonly record struct SpentProof(uint SourceShard, Hash32 BlockHash) : IComparable<SpentProof>
{
    public int CompareTo(SpentProof other)
    {
        var c = SourceShard.CompareTo(other.SourceShard);
        return c != 0 ? c : BlockHash.CompareTo(other.BlockHash);
    }

    public static bool operator <(SpentProof left, SpentProof right) => left.CompareTo(right) < 0;
    public static bool operator >(SpentProof left, SpentProof right) => left.CompareTo(right) > 0;
    public static bool operator <=(SpentProof left, SpentProof right) => left.CompareTo(right) <= 0;
    public static bool operator >=(SpentProof left, SpentProof right) => left.CompareTo(right) >= 0;

    public override string ToString() => $"s{SourceShard}:{BlockHash}";
}
