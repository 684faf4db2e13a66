using System.Globalization;
using System.Numerics;
using System.Text.Json;

namespace HarmonySim.Testnet.Tests;

/// <summary>
/// <c>hmy_faucet</c> on a real <c>harmonysim testnet</c> process with deploy/testnet.yaml's faucet: a payment is a
/// real transfer (receipt, balance, journal line), the second request of an address within the interval and an
/// amount over the cap are refused, and a refused request changes nothing.
/// </summary>
[TestClass]
public sealed class FaucetTests
{
    private static readonly BigInteger One = BigInteger.Pow(10, 18);

    [TestMethod]
    public async Task The_faucet_pays_once_per_address_through_the_journaled_input_path()
    {
        var data = Directory.CreateTempSubdirectory("harmonysim-testnet-faucet-").FullName;
        try
        {
            using var testnet = await TestnetProcess.Start(TestnetProcess.DeployConfig, data, "--speed", "4x");
            StringAssert.Contains(testnet.Output, "Faucet: hmy_faucet");
            const string player = "0x00000000000000000000000000000000000000a1";
            const string other = "0x00000000000000000000000000000000000000a2";

            var hash = (await testnet.Call(0, "hmy_faucet", player)).GetString()!;
            await WaitForReceipt(testnet, 0, hash);
            Assert.AreEqual(100 * One, Balance(await testnet.Call(0, "hmy_getBalance", player, "latest")));

            // The same address again within the minute: refused with the wait, nothing sent.
            var (_, again) = await testnet.Post("/rpc/0", Request("hmy_faucet", player));
            Assert.AreEqual(-32005, ErrorCode(again), again);
            StringAssert.Contains(again, "one payment per address");

            // Over the cap (1,000 ONE): invalid params; below it, on shard 1, as a hex quantity of atto-ONE.
            var (_, tooMuch) = await testnet.Post("/rpc/1", Request("hmy_faucet", other, "0x" + (1_001 * One).ToString("x", CultureInfo.InvariantCulture).TrimStart('0')));
            Assert.AreEqual(-32602, ErrorCode(tooMuch), tooMuch);
            var hash1 = (await testnet.Call(1, "hmyv2_faucet", other, (250 * One).ToString(CultureInfo.InvariantCulture))).GetString()!;
            await WaitForReceipt(testnet, 1, hash1);
            Assert.AreEqual(250 * One, Balance(await testnet.Call(1, "hmy_getBalance", other, "latest")));
            Assert.AreEqual(BigInteger.Zero, Balance(await testnet.Call(0, "hmy_getBalance", other, "latest")));

            // Both payments are outside input like a wallet's: journaled.
            Assert.AreEqual(2, File.ReadAllLines(Path.Combine(data, "journal.jsonl")).Length);
            Assert.AreEqual(0, await testnet.Stop(), testnet.Error);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private static async Task WaitForReceipt(TestnetProcess testnet, int shard, string hash)
    {
        for (var i = 0; i < 600; i++)
        {
            if ((await testnet.Call(shard, "hmy_getTransactionReceipt", hash)).ValueKind == JsonValueKind.Object) return;
            await Task.Delay(100);
        }
        Assert.Fail($"no receipt for {hash} on shard {shard}");
    }

    private static string Request(string method, params object[] parameters) =>
        JsonSerializer.Serialize(new { jsonrpc = "2.0", id = 1, method, @params = parameters });

    private static int ErrorCode(string body)
    {
        using var doc = JsonDocument.Parse(body);
        return doc.RootElement.GetProperty("error").GetProperty("code").GetInt32();
    }

    private static BigInteger Balance(JsonElement hex) => BigInteger.Parse("0" + hex.GetString()![2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
}
