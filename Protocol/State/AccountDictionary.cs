using System.Collections;
using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Staking.State;

namespace HarmonySim.Protocol.State;

/// <summary>
/// A shard's accounts by address, in address order (Harmony's byte order), immutable. Stored as two parallel arrays:
/// sorted addresses, searched by bisection, and their accounts.
/// </summary>
/// <remarks>
/// Shaped for a ledger that changes block by block: a block's transfers touch thousands of accounts but rarely add
/// one, so a new version shares the previous one's addresses and copies only the accounts array (one pointer per
/// account); a balanced tree copied a path of nodes per touched account and chased a pointer at every level of every
/// lookup. Adding addresses rebuilds the arrays once per <see cref="Builder.ToImmutable"/>. Versions are shared
/// between threads: nothing in a version changes after it is built.
/// </remarks>
public sealed class AccountDictionary : IReadOnlyCollection<KeyValuePair<Address, Account>>
{
    private readonly Address[] _keys;
    private readonly Account[] _values;

    private AccountDictionary(Address[] keys, Account[] values)
    {
        _keys = keys;
        _values = values;
    }

    public static readonly AccountDictionary Empty = new([], []);

    public int Count => _keys.Length;

    // A binary search over the sorted addresses: no index to build when a block adds accounts.
    private int Find(Address address) => Array.BinarySearch(_keys, address) is var at and >= 0 ? at : -1;

    public bool TryGetValue(Address address, out Account account)
    {
        var at = Find(address);
        account = at < 0 ? null! : _values[at];
        return at >= 0;
    }

    public bool ContainsKey(Address address) => Find(address) >= 0;

    /// <summary>The addresses, in address order.</summary>
    public IEnumerable<Address> Keys => _keys;

    /// <summary>The accounts, in address order.</summary>
    public IEnumerable<Account> Values => _values;

    /// <summary>A mutable copy, for many changes at once.</summary>
    public Builder ToBuilder() => new(this);

    public Enumerator GetEnumerator() => new(this);
    IEnumerator<KeyValuePair<Address, Account>> IEnumerable<KeyValuePair<Address, Account>>.GetEnumerator() => GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Walks the table in address order without allocating.</summary>
    public struct Enumerator(AccountDictionary table) : IEnumerator<KeyValuePair<Address, Account>>
    {
        private int _at = -1;

        public readonly KeyValuePair<Address, Account> Current => new(table._keys[_at], table._values[_at]);
        readonly object IEnumerator.Current => Current;
        public bool MoveNext() => ++_at < table._keys.Length;
        public void Reset() => _at = -1;
        public readonly void Dispose() { }
    }

    /// <summary>
    /// Changes to a table, then frozen into a new one by <see cref="ToImmutable"/>. Changes to existing addresses go into
    /// a private copy of the accounts array (made on the first one); new addresses wait aside until the freeze.
    /// </summary>
    public sealed class Builder
    {
        // What the builder started from, or its last freeze (which holds exactly the builder's content).
        private AccountDictionary _start;
        private Account[]? _values;
        private Dictionary<Address, Account>? _added;

        internal Builder(AccountDictionary start) => _start = start;

        public bool TryGetValue(Address address, out Account account)
        {
            var at = _start.Find(address);
            if (at >= 0)
            {
                account = (_values ?? _start._values)[at];
                return true;
            }
            if (_added is not null && _added.TryGetValue(address, out var added))
            {
                account = added;
                return true;
            }
            account = null!;
            return false;
        }

        public Account this[Address address]
        {
            set
            {
                ArgumentNullException.ThrowIfNull(value);
                var at = _start.Find(address);
                if (at >= 0) (_values ??= (Account[])_start._values.Clone())[at] = value;
                else (_added ??= [])[address] = value;
            }
        }

        /// <summary>The table as changed so far. The builder hands its arrays over and copies again on its next change.</summary>
        public AccountDictionary ToImmutable()
        {
            if (_values is null && (_added is null || _added.Count == 0)) return _start;
            _start = _added is null || _added.Count == 0
                ? new AccountDictionary(_start._keys, _values!)
                : Merge(_start._keys, _values ?? _start._values, _added);
            _values = null;
            _added = null;
            return _start;
        }

        // The table's addresses and the added ones (none of them already present), merged in address order.
        private static AccountDictionary Merge(Address[] keys, Account[] values, Dictionary<Address, Account> added)
        {
            var extra = added.Keys.ToArray();
            Array.Sort(extra);
            var mergedKeys = new Address[keys.Length + extra.Length];
            var mergedValues = new Account[mergedKeys.Length];
            int i = 0, j = 0, k = 0;
            while (i < keys.Length || j < extra.Length)
            {
                if (j == extra.Length || (i < keys.Length && keys[i].CompareTo(extra[j]) < 0))
                {
                    mergedKeys[k] = keys[i];
                    mergedValues[k++] = values[i++];
                }
                else
                {
                    mergedKeys[k] = extra[j];
                    mergedValues[k++] = added[extra[j++]];
                }
            }
            return new AccountDictionary(mergedKeys, mergedValues);
        }
    }
}
