using CsCheck;
using HarmonySim.Simulation.Propagation;

namespace HarmonySim.Simulation.Tests.Propagation;

/// <summary>The modelled decoding condition: a message decodes exactly when every source block holds k + overhead distinct symbols.</summary>
[TestClass]
public sealed class RaptorSymbolsTests
{
    private static readonly IdaPlan Plan = new();

    [TestMethod]
    public void A_message_decodes_exactly_when_every_block_has_k_plus_overhead_distinct_symbols() =>
        Gen.Select(Gen.Int[1, 400_000], Gen.Int, Gen.Int[0, 3000]).Sample((bytes, seed, count) =>
        {
            var symbols = new RaptorSymbols(bytes, Plan);
            var k = RaptorSymbols.SourceSymbols(bytes, Plan);
            var random = new Random(seed);
            var distinct = k.Select(_ => new HashSet<int>()).ToList();
            var completedAt = -1;
            for (var i = 0; i < count; i++)
            {
                var block = random.Next(k.Count);
                // Ids from a small range, so repeats happen; repair symbols (ids ≥ k) count like source symbols.
                var id = random.Next(k[block] + 6);
                var completed = symbols.Receive(block, id);
                distinct[block].Add(id);
                var enough = distinct.Select((d, b) => d.Count >= k[b] + Plan.Overhead).All(x => x);
                Assert.AreEqual(enough, symbols.Decoded, $"after symbol {i}");
                if (completed) completedAt = i;
                if (enough && completedAt < 0) Assert.Fail("decoded without a completing symbol");
            }
        });

    [TestMethod]
    public void Source_blocks_are_at_most_88_kib_of_1024_byte_symbols()
    {
        CollectionAssert.AreEqual(new[] { 1 }, RaptorSymbols.SourceSymbols(700, Plan).ToArray());
        CollectionAssert.AreEqual(new[] { 88 }, RaptorSymbols.SourceSymbols(88 * 1024, Plan).ToArray());
        var twoMb = RaptorSymbols.SourceSymbols(2_000_000, Plan);
        Assert.HasCount(23, twoMb, "2,000,000 / 90,112 = 22.2 blocks");
        Assert.AreEqual((2_000_000 + 1023) / 1024, twoMb.Sum(), "every byte in exactly one symbol; the last block is partial");
    }
}
