using System.Numerics;
using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Consensus;
using HarmonySim.Protocol.Crypto.Simulated;
using HarmonySim.Protocol.Sharding;

namespace HarmonySim.Protocol.Tests.Sharding;

[TestClass]
public sealed class ShardStateTests
{
    private static ShardState Sample()
    {
        var scheme = new SimulatedSignatureScheme(7);
        CommitteeSlot Slot(int i, BigInteger? stake) => new(scheme.CreateKey(Enumerable.Repeat((byte)i, 32).ToArray()).Public, new Address(Enumerable.Repeat((byte)i, Address.Size).ToArray()), stake);
        return new ShardState(3, [[Slot(1, null), Slot(2, BigInteger.Parse("20000000000000000000000")), Slot(3, BigInteger.Zero)], [Slot(4, null)]]);
    }

    [TestMethod]
    public void Round_trips_keys_owners_and_stakes()
    {
        var state = Sample();
        var decoded = ShardState.Decode(state.Encode());
        Assert.AreEqual(state.Epoch, decoded.Epoch);
        Assert.AreEqual(state.Hash, decoded.Hash);
        for (var s = 0; s < state.Shards.Count; s++)
            CollectionAssert.AreEqual(state.Shards[s].ToList(), decoded.Shards[s].ToList());
    }

    [TestMethod]
    public void Garbage_is_a_format_error_naming_the_part()
    {
        var bytes = Sample().Encode();
        var random = new Random(1);
        for (var i = 0; i < 2_000; i++)
        {
            var mutated = (byte[])bytes.Clone();
            mutated[random.Next(mutated.Length)] ^= (byte)(1 + random.Next(255));
            try
            {
                ShardState.Decode(mutated);
            }
            catch (FormatException e)
            {
                StringAssert.Contains(e.Message, "shard state");
            }
        }
        var truncated = bytes[..^5];
        Assert.ThrowsExactly<FormatException>(() => ShardState.Decode(truncated));
    }
}
