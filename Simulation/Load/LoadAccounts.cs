using System.Text;
using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Crypto;
using HarmonySim.Protocol.Crypto.Accounts;
using HarmonySim.Simulation.Plans;
using HarmonySim.Simulation.Runs;

namespace HarmonySim.Simulation.Load;

/// <summary>
/// A load source's accounts, derived from the seed, the source's name and the index: with real signatures a secp256k1
/// key each (<see cref="RunSeeds.Account"/>, kind "load"); with simulated ones only an address (the last 20 bytes of
/// Keccak-256 of the same name), since nothing signs for real. Account i lives on the source's shard i mod n.
/// </summary>
public sealed class LoadAccounts
{
    private readonly AccountKey[] _keys;

    public LoadAccounts(ulong seed, LoadSourcePlan source, TransactionSigning signing)
    {
        ArgumentNullException.ThrowIfNull(source);
        Source = source;
        var count = source.Accounts.Count;
        var real = signing != TransactionSigning.Simulated;
        _keys = new AccountKey[real ? count : 0];
        var addresses = new Address[count];
        // Each account's key and address depend on its index alone, so deriving them in parallel changes nothing.
        Parallel.For(0, count, i =>
        {
            var name = $"{source.Name}/{i}";
            if (real) _keys[i] = RunSeeds.Account(seed, "load", name);
            addresses[i] = real ? new Address(_keys[i].Address) : new Address(Keccak256.Hash(Encoding.UTF8.GetBytes($"{seed}/load/{name}")).ToArray().AsSpan(12));
        });
        Addresses = addresses;
        HomeShard = [.. Enumerable.Range(0, count).Select(i => source.Shards[i % source.Shards.Count])];
    }

    public LoadSourcePlan Source { get; }

    public IReadOnlyList<Address> Addresses { get; }

    /// <summary>The shard whose genesis ledger funds account i (and on which it sends).</summary>
    public IReadOnlyList<int> HomeShard { get; }

    public int Count => Addresses.Count;

    /// <summary>Account i's key (real signatures only).</summary>
    public AccountKey KeyOf(int i) => _keys[i];

    /// <summary>The indices of the accounts living on <paramref name="shard"/>, in index order.</summary>
    public int[] On(int shard) => [.. Enumerable.Range(0, Count).Where(i => HomeShard[i] == shard)];
}
