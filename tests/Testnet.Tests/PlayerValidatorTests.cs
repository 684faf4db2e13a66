using System.Globalization;
using System.Numerics;
using System.Text.Json;
using HarmonySim.Cluster.Tests.Azurite;

namespace HarmonySim.Testnet.Tests;

/// <summary>
/// The testnet's last acceptance point, on a real <c>harmonysim testnet</c> with deploy/testnet-players.yaml (BLS,
/// 8-block epochs): a player makes a BLS key with <c>harmonysim keys bls-new</c>, creates a validator with it and its
/// proof through @harmony-js/staking 0.1.58, a second account delegates, and at the next epoch
/// <c>hmyv2_getValidatorInformation</c> says it is elected; both balances went down by exactly what they staked; a
/// stop and a start with the same data folder replays the journaled staking transactions to the same state.
/// </summary>
[TestClass]
public sealed class PlayerValidatorTests
{
    private const string ValidatorKey = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
    private const string DelegatorKey = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";
    private const string ValidatorAddress = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";
    private const string DelegatorAddress = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
    private const ulong BlocksPerEpoch = 8;
    private static readonly BigInteger Atto = BigInteger.Pow(10, 18);

    public static string PlayersConfig => Path.Combine(RepositoryRoot.Path, "deploy", "testnet-players.yaml");

    [TestMethod]
    public async Task A_players_validator_with_a_BLS_key_and_a_delegation_is_elected_at_the_next_epoch_and_survives_a_restart()
    {
        if (NodeScript.MissingReason("harmony-js", "@harmony-js/staking") is { } missing) Assert.Inconclusive(missing);
        var key = await BlsKey.New();
        var data = Directory.CreateTempSubdirectory("harmonysim-testnet-player-").FullName;
        try
        {
            BigInteger validatorAfter, delegatorAfter;
            string validator;
            {
                using var testnet = await TestnetProcess.Start(PlayersConfig, data, "--speed", "4x");
                var validatorBefore = Big(await testnet.Call(0, "hmyv2_getBalance", ValidatorAddress));
                var delegatorBefore = Big(await testnet.Call(0, "hmyv2_getBalance", DelegatorAddress));
                var (code, output, error) = await NodeScript.Run("harmony-js", Path.Combine(AppContext.BaseDirectory, "Scripts", "harmony-validator.cjs"),
                    testnet.Url + "/rpc/0", ValidatorKey, DelegatorKey, key.PublicHex, key.ProofHex, "20000", "5000");
                Assert.AreEqual(0, code, $"SDK validator script failed: {error}\n{output}\n{testnet.Error}");
                using var report = JsonDocument.Parse(output.Trim());
                validator = report.RootElement.GetProperty("validator").GetString()!;
                var delegator = report.RootElement.GetProperty("delegator").GetString()!;
                foreach (var name in new[] { "create", "delegate" })
                {
                    var answer = report.RootElement.GetProperty(name);
                    Assert.IsTrue(answer.TryGetProperty("result", out var hash), $"{name}: {answer}");
                    StringAssert.Matches(hash.GetString(), new System.Text.RegularExpressions.Regex("^0x[0-9a-f]{64}$"), name);
                }

                // Elected at the epoch after the one its CreateValidator was included in (polled within that epoch: 4 s of wall time at 4x).
                JsonElement info = default;
                for (var i = 0; i < 600; i++)
                {
                    var (_, body) = await testnet.Post("/rpc/0", Request("hmyv2_getValidatorInformation", validator));
                    using var doc = JsonDocument.Parse(body);
                    if (doc.RootElement.TryGetProperty("result", out var r) && r.GetProperty("currently-in-committee").GetBoolean())
                    {
                        info = r.Clone();
                        break;
                    }
                    await Task.Delay(100);
                }
                Assert.AreEqual(JsonValueKind.Object, info.ValueKind, $"never elected\n{testnet.Error}");
                Assert.AreEqual("currently elected", info.GetProperty("epos-status").GetString());
                var v = info.GetProperty("validator");
                var createdIn = v.GetProperty("creation-height").GetUInt64() / BlocksPerEpoch;
                Assert.AreEqual(createdIn + 1, info.GetProperty("current-epoch-performance").GetProperty("epoch").GetUInt64(), "elected at the next epoch");
                CollectionAssert.AreEqual(new[] { key.PublicHex[2..] }, v.GetProperty("bls-public-keys").EnumerateArray().Select(k => k.GetString()).ToArray());
                Assert.AreEqual(25_000 * Atto, Big(info.GetProperty("total-delegation")));
                var delegation = v.GetProperty("delegations").EnumerateArray().Single(d => d.GetProperty("delegator-address").GetString() == delegator);
                Assert.AreEqual(5_000 * Atto, Big(delegation.GetProperty("amount")));
                Assert.IsTrue(info.GetProperty("metrics").GetProperty("by-bls-key").GetArrayLength() == 1, "its slot key holds a seat");

                // The staking transactions are found by their hash, with a receipt (the SDK's confirm polls for it).
                var createHash = report.RootElement.GetProperty("create").GetProperty("result").GetString()!;
                var receipt = await testnet.Call(0, "hmyv2_getTransactionReceipt", createHash);
                Assert.AreEqual(1, receipt.GetProperty("status").GetInt32(), receipt.ToString());
                Assert.AreEqual(createdIn, receipt.GetProperty("blockNumber").GetUInt64() / BlocksPerEpoch, "included in the epoch that created it");
                var created = await testnet.Call(0, "hmyv2_getStakingTransactionByHash", createHash);
                Assert.AreEqual(("CreateValidator", createHash, validator), (created.GetProperty("type").GetString(), created.GetProperty("hash").GetString(), created.GetProperty("from").GetString()));
                var delegateHash = report.RootElement.GetProperty("delegate").GetProperty("result").GetString()!;
                Assert.AreEqual("Delegate", (await testnet.Call(0, "hmy_getStakingTransactionByHash", delegateHash)).GetProperty("type").GetString());
                Assert.AreEqual(JsonValueKind.Null, (await testnet.Call(0, "hmyv2_getTransactionByHash", createHash)).ValueKind, "not a plain transaction");

                // One balance: what was staked left the accounts' shard-0 balances, exactly.
                validatorAfter = Big(await testnet.Call(0, "hmyv2_getBalance", ValidatorAddress));
                delegatorAfter = Big(await testnet.Call(0, "hmyv2_getBalance", DelegatorAddress));
                Assert.AreEqual(validatorBefore - 20_000 * Atto, validatorAfter);
                Assert.AreEqual(delegatorBefore - 5_000 * Atto, delegatorAfter);
                Assert.AreEqual(2, File.ReadAllLines(Path.Combine(data, "journal.jsonl")).Length, "both staking transactions journaled");
                Assert.AreEqual(0, await testnet.Stop("TERM"), testnet.Error);
            }

            // A start with the same folder replays the journal: the validator, its delegation and the debits come back.
            using var again = await TestnetProcess.Start(PlayersConfig, data, "--speed", "4x");
            JsonElement back = default;
            for (var i = 0; i < 600; i++)
            {
                var (_, body) = await again.Post("/rpc/0", Request("hmyv2_getValidatorInformation", validator));
                using var doc = JsonDocument.Parse(body);
                if (doc.RootElement.TryGetProperty("result", out var r) && Big(r.GetProperty("total-delegation")) == 25_000 * Atto)
                {
                    back = r.Clone();
                    break;
                }
                await Task.Delay(100);
            }
            Assert.AreEqual(JsonValueKind.Object, back.ValueKind, $"the validator did not come back after the restart\n{again.Error}");
            Assert.AreEqual(validatorAfter, Big(await again.Call(0, "hmyv2_getBalance", ValidatorAddress)));
            Assert.AreEqual(delegatorAfter, Big(await again.Call(0, "hmyv2_getBalance", DelegatorAddress)));
            Assert.AreEqual(0, await again.Stop("TERM"), again.Error);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    internal static string Request(string method, params object[] parameters) =>
        JsonSerializer.Serialize(new { jsonrpc = "2.0", id = 1, method, @params = parameters });

    internal static BigInteger Big(JsonElement number) => BigInteger.Parse(number.GetRawText(), CultureInfo.InvariantCulture);
}
