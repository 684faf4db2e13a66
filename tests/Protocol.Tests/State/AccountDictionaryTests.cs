using System.Numerics;
using CsCheck;
using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Staking.State;
using HarmonySim.Protocol.State;

namespace HarmonySim.Protocol.Tests.State;

/// <summary>
/// The ledger's account table against a sorted dictionary as the model: random changes to present and new addresses,
/// frozen at random points while the builder carries on, and new builders from frozen versions. Every version
/// enumerates the model in address order, answers every lookup as the model does, and never changes once frozen.
/// </summary>
[TestClass]
public sealed class AccountDictionaryTests
{
    /// <summary>Set HARMONYSIM_PROPERTY_SCALE=k to run k times as many runs (for soak runs off CI).</summary>
    private static int Iter(int n) => n * (int.TryParse(Environment.GetEnvironmentVariable("HARMONYSIM_PROPERTY_SCALE"), out var k) && k > 0 ? k : 1);

    // Few enough addresses that changes hit present ones often; their first byte varies so the order is not insertion order.
    private const int Addresses = 40;

    /// <summary>Kind 0–6 a change of Address to Balance, 7–8 a freeze the builder carries on from, 9 a fresh builder from the latest freeze.</summary>
    private sealed record Op(int Kind, int Address, int Balance);

    private static readonly Gen<Op> OpGen =
        from kind in Gen.Int[0, 9]
        from address in Gen.Int[0, Addresses - 1]
        from balance in Gen.Int[0, 1_000]
        select new Op(kind, address, balance);

    private static Address Addr(int i)
    {
        var bytes = new byte[Address.Size];
        bytes[0] = (byte)((i * 97) % 251);
        bytes[^1] = (byte)i;
        return new Address(bytes);
    }

    [TestMethod]
    public void Every_version_matches_the_model_and_stays_as_it_was_frozen()
    {
        OpGen.Array[1, 120].Sample(ops =>
        {
            var model = new SortedDictionary<Address, Account>();
            var builder = AccountDictionary.Empty.ToBuilder();
            var frozen = new List<(AccountDictionary Table, KeyValuePair<Address, Account>[] Expected)>();
            foreach (var op in ops)
            {
                if (op.Kind <= 6)
                {
                    var account = new Account(new BigInteger(op.Balance), (ulong)op.Balance);
                    builder[Addr(op.Address)] = account;
                    model[Addr(op.Address)] = account;
                    AssertLookups(model, builder.TryGetValue);
                    continue;
                }
                var table = builder.ToImmutable();
                AssertSame(model, table);
                frozen.Add((table, [.. model]));
                if (op.Kind == 9) builder = table.ToBuilder();
            }
            var last = builder.ToImmutable();
            AssertSame(model, last);
            foreach (var (table, expected) in frozen) CollectionAssert.AreEqual(expected, table.ToArray(), "a frozen version changed");
        }, iter: Iter(300), print: ops => $"{ops.Length} ops");
    }

    [TestMethod]
    public void An_unchanged_builder_gives_back_the_table_it_started_from()
    {
        var builder = AccountDictionary.Empty.ToBuilder();
        builder[Addr(1)] = new Account(BigInteger.One, 0);
        var table = builder.ToImmutable();
        Assert.AreSame(table, table.ToBuilder().ToImmutable());
        Assert.AreSame(table, builder.ToImmutable());
    }

    private static void AssertSame(SortedDictionary<Address, Account> model, AccountDictionary table)
    {
        CollectionAssert.AreEqual(model.ToArray(), table.ToArray(), "contents or order differ");
        Assert.AreEqual(model.Count, table.Count);
        CollectionAssert.AreEqual(model.Keys.ToArray(), table.Keys.ToArray());
        AssertLookups(model, table.TryGetValue);
        for (var i = 0; i < Addresses; i++) Assert.AreEqual(model.ContainsKey(Addr(i)), table.ContainsKey(Addr(i)));
    }

    private delegate bool Lookup(Address address, out Account account);

    private static void AssertLookups(SortedDictionary<Address, Account> model, Lookup lookup)
    {
        for (var i = 0; i < Addresses; i++)
        {
            var found = lookup(Addr(i), out var account);
            Assert.AreEqual(model.TryGetValue(Addr(i), out var expected), found, $"address {i}");
            if (found) Assert.AreSame(expected, account, $"address {i}");
        }
    }
}
