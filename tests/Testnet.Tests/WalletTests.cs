using System.Globalization;
using System.Numerics;
using System.Text.Json;

namespace HarmonySim.Testnet.Tests;

/// <summary>
/// A real wallet library (ethers v6 from npm) against a real <c>harmonysim testnet</c> process on deploy/testnet.yaml,
/// then the same data folder started again: the journal replays and the chain's balances come back.
/// </summary>
[TestClass]
public sealed class WalletTests
{
    // Hardhat's public development key #0 and account #1, funded in deploy/testnet.yaml.
    private const string Key0 = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
    private const string Account0 = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";
    private const string Account1 = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";

    [TestMethod]
    public async Task Ethers_sends_a_transfer_and_a_restart_replays_it_to_the_same_balances()
    {
        if (NodeScript.MissingReason("ethers", "ethers") is { } missing) Assert.Inconclusive(missing);
        var data = Directory.CreateTempSubdirectory("harmonysim-testnet-").FullName;
        try
        {
            string[] before;
            ulong height;
            using (var testnet = await TestnetProcess.Start(TestnetProcess.DeployConfig, data, "--speed", "4x"))
            {
                var (code, output, error) = await NodeScript.Run("ethers", Path.Combine(AppContext.BaseDirectory, "Scripts", "ethers-transfer.cjs"),
                    testnet.Url + "/rpc/0", Key0, Account1);
                Assert.AreEqual(0, code, $"ethers script failed: {error}\n{output}\n{testnet.Error}");
                using var report = JsonDocument.Parse(output.Trim());
                Assert.AreEqual("1666700000", report.RootElement.GetProperty("chainId").GetString());
                Assert.AreEqual(1, report.RootElement.GetProperty("status").GetInt32());
                var hash = report.RootElement.GetProperty("hash").GetString()!;
                // Harmony's SDK reads the same transaction with hmy_ methods.
                var viaHmy = await testnet.Call(0, "hmy_getTransactionReceipt", hash);
                Assert.AreEqual(hash, viaHmy.GetProperty("transactionHash").GetString());
                before = [await Balance(testnet, Account0), await Balance(testnet, Account1)];
                Assert.AreEqual(BigInteger.Parse("1001500000000000000000", CultureInfo.InvariantCulture), BigInteger.Parse(before[1], CultureInfo.InvariantCulture));
                height = Quantity(await testnet.Call(0, "eth_blockNumber"));
                Assert.AreEqual(0, await testnet.Stop(), testnet.Error);
            }
            Assert.AreEqual(1, File.ReadAllLines(Path.Combine(data, "journal.jsonl")).Length, "one accepted transaction journaled");

            using (var again = await TestnetProcess.Start(TestnetProcess.DeployConfig, data, "--speed", "4x"))
            {
                StringAssert.Contains(again.Output, "Replaying 1 journaled transactions");
                // Wait until the replayed chain is past where the first run stopped.
                for (var i = 0; i < 600 && Quantity(await again.Call(0, "eth_blockNumber")) < height; i++) await Task.Delay(100);
                CollectionAssert.AreEqual(before, new[] { await Balance(again, Account0), await Balance(again, Account1) });
                Assert.AreEqual(0, await again.Stop(), again.Error);
            }
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [TestMethod]
    public async Task The_Harmony_SDK_sends_an_in_shard_and_a_cross_shard_transfer_credited_on_the_destination()
    {
        if (NodeScript.MissingReason("harmony-js", "@harmony-js/core") is { } missing) Assert.Inconclusive(missing);
        var data = Directory.CreateTempSubdirectory("harmonysim-testnet-sdk-").FullName;
        try
        {
            using var testnet = await TestnetProcess.Start(TestnetProcess.DeployConfig, data, "--speed", "4x");
            var script = Path.Combine(AppContext.BaseDirectory, "Scripts", "harmony-transfer.cjs");
            // Account #1 is on shard 0 (in-shard), account #2 on shard 1 (cross-shard: credited once shard 1 verifies the receipt).
            foreach (var (to, shard) in new[] { (Account1, "0"), ("0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC", "1") })
            {
                var (code, output, error) = await NodeScript.Run("harmony-js", script, testnet.Url + "/rpc/0", Key0, to, shard);
                Assert.AreEqual(0, code, $"SDK script to shard {shard} failed: {error}\n{output}\n{testnet.Error}");
                using var report = JsonDocument.Parse(output.Trim());
                Assert.AreEqual(shard == "1", report.RootElement.GetProperty("cx").GetBoolean());
            }
            Assert.AreEqual(2, File.ReadAllLines(Path.Combine(data, "journal.jsonl")).Length);
            Assert.AreEqual(0, await testnet.Stop(), testnet.Error);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private static async Task<string> Balance(TestnetProcess testnet, string address) =>
        Quantity(await testnet.Call(0, "hmyv2_getBalance", address), decimalNumber: true);

    private static ulong Quantity(JsonElement hex) => ulong.Parse(hex.GetString()![2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);

    private static string Quantity(JsonElement number, bool decimalNumber) => decimalNumber ? number.GetRawText() : number.GetString()!;
}
