using System.Globalization;
using System.Numerics;
using System.Text.Json;
using HarmonySim.Cluster.Tests.Azurite;

namespace HarmonySim.Testnet.Tests;

/// <summary>
/// Harmony's staking reads on a real <c>harmonysim testnet</c> process with deploy/testnet-staking.yaml: the
/// validators the config stakes, their information as Harmony names it (elected, active, rewards), delegations, the
/// network's totals and the median-stake snapshot, from any shard's endpoint; bad parameters are JSON-RPC errors.
/// </summary>
[TestClass]
public sealed class StakingReadTests
{
    private static string StakingConfig => Path.Combine(RepositoryRoot.Path, "deploy", "testnet-staking.yaml");

    [TestMethod]
    public async Task Staking_reads_show_the_configs_validators_elected_with_their_delegations_and_rewards()
    {
        var data = Directory.CreateTempSubdirectory("harmonysim-testnet-staking-").FullName;
        try
        {
            using var testnet = await TestnetProcess.Start(StakingConfig, data, "--speed", "8x");
            // Wait for the first election (epoch 1) so that rewards have been paid.
            for (var i = 0; i < 600 && Convert.ToUInt64((await testnet.Call(0, "hmyv2_getEpoch")).GetUInt64()) < 1; i++) await Task.Delay(100);

            var addresses = (await testnet.Call(0, "hmy_getAllValidatorAddresses")).EnumerateArray().Select(a => a.GetString()!).ToList();
            Assert.AreEqual(9, addresses.Count, "the 9 staked community validators");
            Assert.IsTrue(addresses.All(a => a.StartsWith("one1", StringComparison.Ordinal)));
            var elected = (await testnet.Call(0, "hmy_getElectedValidatorAddresses")).GetArrayLength();
            Assert.AreEqual(8, elected, "8 auctioned slots of single-key validators");

            var inCommittee = 0;
            foreach (var address in addresses)
            {
                // Any shard's endpoint answers from the beacon.
                var info = await testnet.Call(1, "hmyv2_getValidatorInformation", address);
                var validator = info.GetProperty("validator");
                Assert.AreEqual(address, validator.GetProperty("address").GetString());
                Assert.AreEqual(1, validator.GetProperty("bls-public-keys").GetArrayLength());
                Assert.AreEqual("0.100000000000000000", validator.GetProperty("rate").GetString());
                Assert.AreEqual("active", info.GetProperty("active-status").GetString());
                var self = validator.GetProperty("delegations")[0];
                Assert.AreEqual(address, self.GetProperty("delegator-address").GetString());
                Assert.AreEqual(Big(info.GetProperty("total-delegation")), Big(self.GetProperty("amount")));
                if (info.GetProperty("currently-in-committee").GetBoolean())
                {
                    inCommittee++;
                    Assert.AreEqual("currently elected", info.GetProperty("epos-status").GetString());
                    Assert.IsTrue(Big(info.GetProperty("lifetime").GetProperty("reward-accumulated")) > 0, "an elected validator has been paid");
                }
                else Assert.AreNotEqual("currently elected", info.GetProperty("epos-status").GetString());

                var byValidator = await testnet.Call(0, "hmy_getDelegationsByValidator", address);
                Assert.AreEqual(address, byValidator[0].GetProperty("delegator_address").GetString());
                var byDelegator = await testnet.Call(0, "hmy_getDelegationsByDelegator", address);
                Assert.AreEqual(address, byDelegator[0].GetProperty("validator_address").GetString());
            }
            Assert.AreEqual(elected, inCommittee);

            var network = await testnet.Call(0, "hmy_getStakingNetworkInfo");
            Assert.IsTrue(Big(network.GetProperty("total-staking")) > 0);
            var median = await testnet.Call(0, "hmy_getMedianRawStakeSnapshot");
            Assert.AreEqual(8, median.GetProperty("max-external-slots").GetInt32());
            Assert.AreEqual(8, median.GetProperty("epos-slot-winners").GetArrayLength());
            Assert.AreEqual(9, median.GetProperty("epos-slot-candidates").GetArrayLength());
            StringAssert.EndsWith(median.GetProperty("epos-median-stake").GetString(), ".000000000000000000");
            StringAssert.StartsWith((await testnet.Call(0, "hmy_getCurrentUtilityMetrics")).GetProperty("CurrentStakedPercentage").GetString(), "0.");

            var epoch = (await testnet.Call(0, "hmyv2_getEpoch")).GetUInt64();
            var committee = await testnet.Call(1, "hmyv2_getValidators", epoch);
            Assert.AreEqual(JsonValueKind.Object, committee.ValueKind, committee.ToString());
            Assert.AreEqual(1, committee.GetProperty("shardID").GetInt32());

            // Bad input: an unknown validator, a malformed address, an epoch not kept.
            var (_, unknown) = await testnet.Post("/rpc/0", Request("hmy_getValidatorInformation", "0x00000000000000000000000000000000000000a1"));
            StringAssert.Contains(unknown, "-32000");
            StringAssert.Contains(unknown, "not found");
            var (_, malformed) = await testnet.Post("/rpc/0", Request("hmy_getValidatorInformation", "one1nope"));
            StringAssert.Contains(malformed, "-32602");
            var (_, old) = await testnet.Post("/rpc/0", Request("hmy_getValidators", 100_000));
            StringAssert.Contains(old, "only the current epoch");
            Assert.AreEqual(0, await testnet.Stop(), testnet.Error);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [TestMethod]
    public async Task Staking_transactions_signed_by_the_Harmony_SDK_decode_to_their_sender_and_are_refused_without_a_state_change()
    {
        if (NodeScript.MissingReason("harmony-js", "@harmony-js/staking") is { } missing) Assert.Inconclusive(missing);
        var data = Directory.CreateTempSubdirectory("harmonysim-testnet-stakingtx-").FullName;
        try
        {
            using var testnet = await TestnetProcess.Start(StakingConfig, data, "--speed", "8x");
            var validator = (await testnet.Call(0, "hmy_getAllValidatorAddresses"))[0].GetString()!;
            var before = (await testnet.Call(0, "hmy_getValidatorInformation", validator)).GetProperty("total-delegation").GetRawText();
            var (code, output, error) = await NodeScript.Run("harmony-js", Path.Combine(AppContext.BaseDirectory, "Scripts", "harmony-staking.cjs"),
                testnet.Url + "/rpc/0", "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80", validator);
            Assert.AreEqual(0, code, $"SDK staking script failed: {error}\n{output}\n{testnet.Error}");
            using var report = JsonDocument.Parse(output.Trim());
            var from = report.RootElement.GetProperty("from").GetString()!;
            // The SDK's Delegate and a CreateValidator with proofs decode, and their signatures recover the SDK's account.
            foreach (var (name, kind) in new[] { ("delegate", "DelegateStake"), ("createWithProofs", "CreateValidator") })
            {
                var answer = report.RootElement.GetProperty(name).GetProperty("error");
                Assert.AreEqual(-32000, answer.GetProperty("code").GetInt32(), name);
                StringAssert.Contains(answer.GetProperty("message").GetString(), $"{kind} from {from}");
                StringAssert.Contains(answer.GetProperty("message").GetString(), "rejected");
            }
            // The SDK's own CreateValidator predates proofs of possession: refused, saying so.
            var create = report.RootElement.GetProperty("create").GetProperty("error");
            Assert.AreEqual(-32602, create.GetProperty("code").GetInt32());
            StringAssert.Contains(create.GetProperty("message").GetString(), "without slot key proofs");
            Assert.AreEqual(before, (await testnet.Call(0, "hmy_getValidatorInformation", validator)).GetProperty("total-delegation").GetRawText());
            Assert.AreEqual(0, File.ReadAllText(Path.Combine(data, "journal.jsonl")).Length, "nothing journaled");
            Assert.AreEqual(0, await testnet.Stop(), testnet.Error);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [TestMethod]
    public async Task A_testnet_without_staking_does_not_offer_the_staking_reads()
    {
        var data = Directory.CreateTempSubdirectory("harmonysim-testnet-nostaking-").FullName;
        try
        {
            using var testnet = await TestnetProcess.Start(TestnetProcess.DeployConfig, data, "--speed", "4x");
            var (_, body) = await testnet.Post("/rpc/0", Request("hmy_getAllValidatorAddresses"));
            StringAssert.Contains(body, "-32601");
            Assert.AreEqual(0, await testnet.Stop(), testnet.Error);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private static string Request(string method, params object[] parameters) =>
        JsonSerializer.Serialize(new { jsonrpc = "2.0", id = 1, method, @params = parameters });

    private static BigInteger Big(JsonElement number) => BigInteger.Parse(number.GetRawText(), CultureInfo.InvariantCulture);
}
