using System.Numerics;
using HarmonySim.Protocol.Chain;

namespace HarmonySim.Protocol.Mempool;

/// <summary>
/// One sender's pending transactions: consecutive nonces in ascending order (the pool never admits a gap), so the
/// transaction with nonce n sits at index n − <see cref="FirstNonce"/>.
/// </summary>
internal sealed class SenderQueue(Address sender)
{
    private readonly List<PoolEntry> _entries = [];
    private BigInteger _spend = BigInteger.Zero;
    private BigInteger _maxCost = BigInteger.Zero;

    public Address Sender { get; } = sender;
    public int Count => _entries.Count;
    public PoolEntry this[int index] => _entries[index];
    public PoolEntry Last => _entries[^1];
    public ulong FirstNonce => _entries[0].Nonce;

    /// <summary>The nonce a new transaction of this sender would append at.</summary>
    public ulong NextNonce => _entries[^1].Nonce + 1;

    /// <summary>The index of <paramref name="nonce"/>, or −1 when it is not pending.</summary>
    public int IndexOf(ulong nonce) => _entries.Count > 0 && nonce >= FirstNonce && nonce < NextNonce ? (int)(nonce - FirstNonce) : -1;

    /// <summary>Σ <see cref="PoolEntry.Spend"/> of all entries, kept up to date so appending costs no walk.</summary>
    public BigInteger TotalSpend => _spend;

    /// <summary>
    /// Σ <see cref="PoolEntry.MaxCost"/>: a balance this large carries every entry (each needs what those before it
    /// spent, at most their MaxCost, plus its own), which spares <see cref="FirstUnaffordable"/> its walk.
    /// </summary>
    public BigInteger TotalMaxCost => _maxCost;

    public void Append(PoolEntry entry)
    {
        _entries.Add(entry);
        _spend += entry.Spend;
        _maxCost += entry.MaxCost;
    }

    public void Set(int index, PoolEntry entry)
    {
        _spend += entry.Spend - _entries[index].Spend;
        _maxCost += entry.MaxCost - _entries[index].MaxCost;
        _entries[index] = entry;
    }

    public PoolEntry RemoveLast()
    {
        var last = _entries[^1];
        _entries.RemoveAt(_entries.Count - 1);
        _spend -= last.Spend;
        _maxCost -= last.MaxCost;
        return last;
    }

    /// <summary>Σ <see cref="PoolEntry.Spend"/> of the first <paramref name="count"/> entries.</summary>
    public BigInteger SpendOfFirst(int count)
    {
        var total = BigInteger.Zero;
        for (var i = 0; i < count; i++) total += _entries[i].Spend;
        return total;
    }

    /// <summary>Removes the first <paramref name="count"/> entries, adding them to <paramref name="removed"/>.</summary>
    public void RemoveFirst(int count, List<PoolEntry> removed)
    {
        for (var i = 0; i < count; i++)
        {
            removed.Add(_entries[i]);
            _spend -= _entries[i].Spend;
            _maxCost -= _entries[i].MaxCost;
        }
        _entries.RemoveRange(0, count);
    }

    /// <summary>Removes the entries from <paramref name="index"/> on, adding them to <paramref name="removed"/>.</summary>
    public void RemoveFrom(int index, List<PoolEntry> removed)
    {
        for (var i = index; i < _entries.Count; i++)
        {
            removed.Add(_entries[i]);
            _spend -= _entries[i].Spend;
            _maxCost -= _entries[i].MaxCost;
        }
        _entries.RemoveRange(index, _entries.Count - index);
    }

    /// <summary>
    /// The index of the first entry from <paramref name="start"/> on that a balance of <paramref name="balance"/> cannot
    /// carry, with <paramref name="replacement"/> standing in at <paramref name="replaceAt"/> (−1 for none), or −1 when
    /// all apply. Entry k applies when what the entries before it (from <paramref name="start"/>) spent plus k's own
    /// <see cref="PoolEntry.MaxCost"/> is within the balance: the ledger's rule applied in nonce order, ignoring
    /// credits the sender might receive meanwhile (so it never promises more than the ledger grants).
    /// </summary>
    public int FirstUnaffordable(BigInteger balance, int start = 0, int replaceAt = -1, PoolEntry? replacement = null)
    {
        if (replaceAt < 0 && _maxCost <= balance) return -1;
        var spent = BigInteger.Zero;
        for (var i = start; i < _entries.Count; i++)
        {
            var e = i == replaceAt ? replacement! : _entries[i];
            if (spent + e.MaxCost > balance) return i;
            spent += e.Spend;
        }
        return -1;
    }
}
