using HarmonySim.Silo.Runs;
using HarmonySim.Silo.Scenarios;

namespace HarmonySim.Silo.Tests.Runs;

/// <summary>
/// Every bundled scenario keeps its digest, on one silo and spread over several: the digest is SHA-256 over the
/// event log and each shard's delivery trace (docs/DESIGN-NOTES.md), so any change in what a run does shows here.
/// Through the move of the simulation kernel out of the grains every format-1 digest stayed the same; these are
/// the digests of delivery-trace format 2 (a message's XxHash128 fingerprint instead of its Keccak-256 digest).
/// </summary>
[TestClass]
public sealed class PinnedDigestTests
{
    [TestMethod]
    [DataRow("quickstart", "db84c511babcfb3c68c9fbd10e392fcd04c128b31558198039935349847beac8")]
    [DataRow("leader-isolation", "6e8781903eb70202043b6605c1e79bf8a5d33f03831c55084554a03bbb32308e")]
    [DataRow("partition-no-quorum", "be3cc4642152c856d7499bc2ae091d845ad67f79cc4bf1a4b91364588b94b2e4")]
    [DataRow("staking-epochs", "6fe0fc98a433adcf3aedd98498b2fa8d09bde24e74411941366c313b1d2624bc")]
    [DataRow("key-grinding-harmony", "c501f85e293064f39840fbd7f9432d95d4605a60310ebf453c9ea1ffdbc5ba19")]
    [DataRow("key-grinding-randomness", "ca4e52463a10156272f7e2adcd283e8fa87667d60b2ead7f93187610a20a0e3d")]
    [DataRow("cross-shard-transfers", "7d2de3345d8e0128153270ca2d70268fc320a1b5abcd02c774e15291b2a2dbf8")]
    [DataRow("mainnet-2020", "ab040f0e480c790390a5a73580607a026018b363f584f8e170e12444d29b4e08")]
    [DataRow("scale-10k", "1499e53556daa8594484bc54ac998a485a2d13f643ab65a3fb14b4d7f4219c83")]
    [DataRow("throughput-mainnet-2020", "5bddaf34d56a4f9062deca84389100a73f79c07affb33a07dfd277187b26dd29")]
    [DataRow("throughput-ramp", "bfaaa32ea861394c593df82e0de89e4a1303e91a8880a0c6e780b276a68bf854")]
    [DataRow("throughput-steady", "aa8f806c96b573885c62c93d24d3681d5c46f9573f41081f0590604d9d510f27")]
    [DataRow("throughput-burst", "d3379ee8ccc8707352edd5ca56792949403d310d47378850dbca44a5e6f9a1fc")]
    [DataRow("rejoin-after-downtime", "2e7e58480a94bb4364d132a7e79ffba56bfc4c7d122c72cf2063e7d837914db8")]
    [DataRow("gos-slashed-team", "ff2ea5259b144f63a933a30e7e5e3253440ecf7daedbfde7ec518df1b7694b22")]
    [DataRow("gos-dark-team", "26f6512915e96bb0cf17be156472f6214e3c9ec9c0be59603455bafc40260476")]
    [DataRow("gos-issuance-eras", "06e665db876ca28a508e9befc068073e9d495e4900adcf4d3c61c682fcc2367a")]
    [DataRow("gos-team-game", "13f4532ca832c457fdd59c298e73e3cec5f8a96cb1d5cd9c84fe9a9a6b1b959e")]
    [DataRow("gos-stake-share", "b8c211f7349b7a7bfeee36ffa2b7f080f3bcaf0c414b50b700053a941be55a56")]
    [DataRow("gos-next-leaders-dos", "49a498b565b9655f054cb48f5b895fff18696082d5328980127c607944af72c3")]
    [DataRow("gos-censorship", "ac895274d4de7c84ab87a9244672015a6f4c9cbe2a77ffafdea3f6837f6e727a")]
    [DataRow("gos-cartel-accumulation", "7aa4f6c3085f2e69df96a5954ebc58379283207d4e59f914a6dfa5706c355b10")]
    [DataRow("gos-median-manipulation", "d609fadb185c3e2fe9b171a81998a21f08200acba338c5ece37a13fcc980c5b0")]
    [DataRow("throughput-trace", "e9e71ae3c98b40f8c1ed54385ef06330448079c24cb298d833a36920ec221eb6")]
    public async Task A_bundled_scenario_gives_its_pinned_digest_on_one_and_two_silos(string name, string digest)
    {
        Assert.AreEqual(digest, await Digest(name, silos: 1), "one silo");
        Assert.AreEqual(digest, await Digest(name, silos: 2), "two silos");
    }

    [TestMethod]
    public async Task Scale_100k_gives_its_pinned_digest_on_one_and_four_silos()
    {
        const string digest = "b7f66daecffc9ecbfba9768f6cf59c86668271a1aca028867147297ca962970a";
        Assert.AreEqual(digest, await Digest("scale-100k", silos: 1), "one silo");
        Assert.AreEqual(digest, await Digest("scale-100k", silos: 4), "four silos");
    }

    private static async Task<string> Digest(string name, int silos)
    {
        var scenario = ScenarioLoader.LoadFile(ScenarioFolder.Resolve(name)).Scenario ?? throw new AssertFailedException($"{name} does not load");
        var plan = RunPlanBuilder.Build(scenario, $"{name}-pinned-{silos}-{Guid.NewGuid():N}");
        // The command's own progress step: a run measured in blocks or epochs ends at the first step that reached its goal.
        var outcome = await new Runner(silos).RunAsync(plan);
        Assert.IsTrue(outcome.Report.Passed, string.Join("; ", outcome.Checks.Where(c => !c.Passed).Select(c => $"{c.Name}: {c.Detail}")));
        return outcome.Digest;
    }
}
