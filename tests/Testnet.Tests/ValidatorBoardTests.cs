using System.Text.Json;
using HarmonySim.Cluster.Tests.Azurite;

namespace HarmonySim.Testnet.Tests;

/// <summary>
/// <c>GET /api/testnet/validators</c>, the dashboard's Validators section, over plain HTTP: on a staking testnet
/// (deploy/testnet-staking.yaml) it lists the same validators as the staking RPC, each a simulated cohort's node, with
/// Harmony's election words, and <c>/api/info</c> advertises it; a testnet without staking (deploy/testnet.yaml)
/// neither advertises nor serves it.
/// </summary>
[TestClass]
public sealed class ValidatorBoardTests
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(60) };

    [TestMethod]
    public async Task The_validators_endpoint_lists_the_rpcs_validators_as_simulated_and_is_advertised_only_with_staking()
    {
        var data = Directory.CreateTempSubdirectory("harmonysim-testnet-board-").FullName;
        try
        {
            using (var testnet = await TestnetProcess.Start(Path.Combine(RepositoryRoot.Path, "deploy", "testnet-staking.yaml"), data, "--speed", "8x"))
            {
                for (var i = 0; i < 600 && (await testnet.Call(0, "hmyv2_getEpoch")).GetUInt64() < 1; i++) await Task.Delay(100);
                using var info = await Http.GetAsync(testnet.Url + "/api/info");
                Assert.IsTrue(info.IsSuccessStatusCode);
                StringAssert.Contains(string.Join(",", info.Headers.GetValues("Link")), "<api/testnet/validators>; rel=\"harmonysim-validators\"");

                var addresses = (await testnet.Call(0, "hmy_getAllValidatorAddresses")).EnumerateArray().Select(a => a.GetString()!).ToList();
                using var response = await Http.GetAsync(testnet.Url + "/api/testnet/validators");
                Assert.AreEqual("application/json", response.Content.Headers.ContentType?.MediaType);
                using var board = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                var rows = board.RootElement.GetProperty("validators").EnumerateArray().ToList();
                Assert.IsTrue(board.RootElement.GetProperty("staking").GetBoolean());
                Assert.IsTrue(board.RootElement.GetProperty("epoch").GetUInt64() >= 1);
                CollectionAssert.AreEqual(addresses, rows.Select(r => r.GetProperty("address").GetString()).ToList(), "the RPC's validators, in creation order");
                foreach (var r in rows)
                {
                    Assert.AreEqual("simulated", r.GetProperty("owner").GetString());
                    Assert.AreEqual("community", r.GetProperty("cohort").GetString());
                    StringAssert.StartsWith(r.GetProperty("name").GetString(), "community-");
                    Assert.AreEqual(r.GetProperty("totalStake").GetString(), r.GetProperty("selfStake").GetString(), "no delegations in this config");
                    Assert.AreEqual("0", r.GetProperty("delegated").GetString());
                    Assert.AreEqual("active", r.GetProperty("activeStatus").GetString());
                    var elected = r.GetProperty("elected").GetBoolean();
                    Assert.AreEqual(elected, r.GetProperty("eposStatus").GetString() == "currently elected");
                }
                Assert.AreEqual(8, rows.Count(r => r.GetProperty("elected").GetBoolean()), "8 auctioned slots of single-key validators");
                Assert.AreEqual(0, await testnet.Stop("TERM"), testnet.Error);
            }

            // Without staking: no Link header, and the path is not served (the page never asks for it).
            var plain = Directory.CreateTempSubdirectory("harmonysim-testnet-board-plain-").FullName;
            try
            {
                using var testnet = await TestnetProcess.Start(TestnetProcess.DeployConfig, plain);
                using var info = await Http.GetAsync(testnet.Url + "/api/info");
                Assert.IsTrue(info.IsSuccessStatusCode);
                Assert.IsFalse(info.Headers.Contains("Link"));
                using var response = await Http.GetAsync(testnet.Url + "/api/testnet/validators");
                Assert.AreEqual(System.Net.HttpStatusCode.NotFound, response.StatusCode);
                Assert.AreEqual(0, await testnet.Stop("TERM"), testnet.Error);
            }
            finally
            {
                Directory.Delete(plain, recursive: true);
            }
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }
}
