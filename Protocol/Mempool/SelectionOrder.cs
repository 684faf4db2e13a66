namespace HarmonySim.Protocol.Mempool;

/// <summary>
/// Orders candidate transactions for a block: the highest gas price first and, among equal prices, the earliest
/// arrival first (geth's and Harmony's price-and-nonce heap). Arrival numbers are unique, so the order is total.
/// </summary>
internal sealed class SelectionOrder : IComparer<PoolEntry>
{
    public static readonly SelectionOrder Instance = new();

    public int Compare(PoolEntry? x, PoolEntry? y)
    {
        if (ReferenceEquals(x, y)) return 0;
        var byPrice = y!.ComparePrice(x!);
        return byPrice != 0 ? byPrice : x!.Arrival.CompareTo(y.Arrival);
    }
}
