namespace HarmonySim.Protocol.Mempool;

/// <summary>
/// Orders senders' last pending transactions for eviction: the lowest gas price first and, among equal prices, the most
/// recently added first (the newest arrival has waited least). Arrival numbers are unique, so the order is total.
/// </summary>
internal sealed class EvictionOrder : IComparer<PoolEntry>
{
    public static readonly EvictionOrder Instance = new();

    public int Compare(PoolEntry? x, PoolEntry? y)
    {
        if (ReferenceEquals(x, y)) return 0;
        var byPrice = x!.ComparePrice(y!);
        return byPrice != 0 ? byPrice : y!.Arrival.CompareTo(x.Arrival);
    }
}
