using System.Numerics;
using CsCheck;
using HarmonySim.Protocol.Crypto;
using HarmonySim.Protocol.Staking;

namespace HarmonySim.Protocol.Tests.Staking;

/// <summary>Reference §3.4, §4.3 step 7, §10 fact 13: a key's shard is its big-endian integer value mod the shard count.</summary>
[TestClass]
public sealed class ShardAssignmentTests
{
    [TestMethod]
    [DataRow(2, 1)]
    [DataRow(4, 3)]
    [DataRow(5, 2)]
    public void A_key_of_value_seven_lands_on_seven_mod_the_shard_count(int shards, int expected)
    {
        var bytes = new byte[PublicKey.Size];
        bytes[^1] = 7;
        Assert.AreEqual(expected, ShardAssignment.ShardOf(new PublicKey(bytes), shards));
    }

    [TestMethod]
    [DataRow(2, 0)] // 256^47 is even
    [DataRow(3, 1)] // 256 ≡ 1 (mod 3)
    [DataRow(5, 1)] // 256 ≡ 1 (mod 5)
    [DataRow(7, 2)] // 256 ≡ 4 (mod 7), 4³ ≡ 1, 4^47 = 4^(45+2) ≡ 16 ≡ 2
    public void The_first_byte_is_the_most_significant(int shards, int expected)
    {
        var bytes = new byte[PublicKey.Size];
        bytes[0] = 1; // the value 256^47
        Assert.AreEqual(expected, ShardAssignment.ShardOf(new PublicKey(bytes), shards));
    }

    [TestMethod]
    public void The_largest_key_is_reduced_exactly()
    {
        var bytes = Enumerable.Repeat((byte)0xFF, PublicKey.Size).ToArray();
        var value = BigInteger.Pow(2, 384) - 1;
        foreach (var n in new[] { 1, 2, 3, 4, 1000, int.MaxValue })
            Assert.AreEqual((int)(value % n), ShardAssignment.ShardOf(new PublicKey(bytes), n));
    }

    [TestMethod]
    public void Shard_equals_the_big_integer_value_mod_the_shard_count_for_any_key()
    {
        Gen.Select(Gen.Byte.Array[PublicKey.Size], Gen.Int[1, 100_000]).Sample((bytes, n) =>
            ShardAssignment.ShardOf(new PublicKey(bytes), n) == (int)(new BigInteger(bytes, isUnsigned: true, isBigEndian: true) % n));
    }
}
