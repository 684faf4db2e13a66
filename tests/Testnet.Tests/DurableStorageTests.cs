using System.Globalization;
using System.Text.Json;
using HarmonySim.Cluster.Tests.Azurite;
using HarmonySim.Protocol.Chain.Transactions;

namespace HarmonySim.Testnet.Tests;

/// <summary>
/// A testnet with the cluster storage configured keeps its journal in Azure Blob storage (Azurite): stopped with
/// SIGTERM and started again with the same storage and a fresh data folder, it has the same head, balances and
/// validators. Bad or unreachable storage stops the start with one line and the README's exit code.
/// </summary>
[TestClass]
public sealed class DurableStorageTests
{
    private const string Account0 = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";
    private const string Account1 = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
    private static readonly ulong EthChainId0 = EthChainId.Of(2, 0);

    [TestMethod]
    public async Task A_stop_and_a_start_with_the_same_storage_and_a_fresh_data_folder_give_the_same_head_balances_and_validators()
    {
        var azurite = await TestnetAzurite.Require();
        var settings = TestnetAzurite.Settings(azurite, $"durable-{Guid.NewGuid():N}"[..20]);
        var first = Directory.CreateTempSubdirectory("harmonysim-testnet-durable-").FullName;
        var second = Directory.CreateTempSubdirectory("harmonysim-testnet-durable-").FullName;
        try
        {
            string[] balances;
            ulong height;
            string headHash;
            string validators;
            using (var testnet = await TestnetProcess.Start(TestnetProcess.DeployConfig, first, settings, "--speed", "4x"))
            {
                StringAssert.Contains(testnet.Output, "Journal: http://127.0.0.1:" + azurite.BlobPort);
                // Three transfers over plain JSON-RPC; each answer comes after the journal's append to the blob.
                var hashes = new List<string>();
                for (var nonce = 0UL; nonce < 3; nonce++)
                    hashes.Add((await testnet.Call(0, "eth_sendRawTransaction", WalletKeys.Raw(TransactionFormat.Ethereum, EthChainId0, nonce))).GetString()!);
                foreach (var hash in hashes) await Receipt(testnet, hash);
                balances = [await Balance(testnet, Account0), await Balance(testnet, Account1)];
                Assert.AreEqual("1003000000000000000000", balances[1], "three transfers of 1 ONE credited");
                height = Quantity(await testnet.Call(0, "eth_blockNumber"));
                headHash = await BlockHash(testnet, height);
                validators = await Validators(testnet);
                Assert.AreEqual(0, await testnet.Stop("TERM"), testnet.Error);
            }
            Assert.IsFalse(File.Exists(Path.Combine(first, "journal.jsonl")), "with storage configured, no journal file in the data folder");

            using (var again = await TestnetProcess.Start(TestnetProcess.DeployConfig, second, settings, "--speed", "4x"))
            {
                StringAssert.Contains(again.Output, "Replaying 3 journaled transactions from http://127.0.0.1:" + azurite.BlobPort);
                for (var i = 0; i < 600 && Quantity(await again.Call(0, "eth_blockNumber")) < height; i++) await Task.Delay(100);
                Assert.AreEqual(headHash, await BlockHash(again, height), $"block {height}, the first run's head, has the same hash");
                CollectionAssert.AreEqual(balances, new[] { await Balance(again, Account0), await Balance(again, Account1) });
                Assert.AreEqual(validators, await Validators(again));
                // The restarted testnet keeps journaling where the first stopped: nonce 3 is next.
                var next = (await again.Call(0, "eth_sendRawTransaction", WalletKeys.Raw(TransactionFormat.Ethereum, EthChainId0, 3))).GetString()!;
                await Receipt(again, next);
                Assert.AreEqual(0, await again.Stop("TERM"), again.Error);
            }
        }
        finally
        {
            Directory.Delete(first, recursive: true);
            Directory.Delete(second, recursive: true);
        }
    }

    [TestMethod]
    public async Task Unreachable_storage_stops_the_start_with_exit_4_naming_the_endpoint_and_no_secret()
    {
        var data = Directory.CreateTempSubdirectory("harmonysim-testnet-nostore-").FullName;
        try
        {
            var connection = AzuriteServer.UnreachableConnectionString();
            var (code, error) = await TestnetProcess.Refused(TestnetProcess.DeployConfig, data, new Dictionary<string, string>
            {
                ["HARMONYSIM_Storage__Provider"] = "azure",
                ["HARMONYSIM_Storage__ConnectionString"] = connection,
            });
            Assert.AreEqual(4, code, error);
            StringAssert.Contains(error, "blob storage at http://127.0.0.1:");
            StringAssert.Contains(error, "nothing started");
            Assert.IsFalse(error.Contains("AccountKey", StringComparison.Ordinal) || error.Contains("Eby8vdM0", StringComparison.Ordinal), error);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [TestMethod]
    public async Task Storage_lost_while_running_stops_the_testnet_with_exit_4_and_the_sender_is_not_told_accepted()
    {
        if (AzuriteServer.MissingReason() is { } missing) Assert.Inconclusive(missing);
        var data = Directory.CreateTempSubdirectory("harmonysim-testnet-lost-").FullName;
        var own = await AzuriteServer.StartAsync(); // an Azurite of its own, stopped under the running testnet
        var stopped = false;
        try
        {
            using var testnet = await TestnetProcess.Start(TestnetProcess.DeployConfig, data, TestnetAzurite.Settings(own, "lost"), "--speed", "4x");
            own.Dispose();
            stopped = true;
            var (_, body) = await PostOrNothing(testnet, WalletKeys.Raw(TransactionFormat.Ethereum, EthChainId0));
            Assert.IsFalse(body.Contains("\"result\"", StringComparison.Ordinal), $"a transaction whose journal append failed must not be answered as accepted: {body}");
            Assert.AreEqual(4, await testnet.Exited(TimeSpan.FromMinutes(3)), testnet.Error);
            StringAssert.Contains(testnet.Error, "Stopped: cannot append to the testnet journal in blob storage at http://127.0.0.1:" + own.BlobPort);
        }
        finally
        {
            if (!stopped) own.Dispose();
            Directory.Delete(data, recursive: true);
        }
    }

    /// <summary>Sends a raw transaction; the answer, or an empty body when the node went away before answering.</summary>
    private static async Task<(int Status, string Body)> PostOrNothing(TestnetProcess testnet, string raw)
    {
        try
        {
            return await testnet.Post("/rpc/0", $$"""{"jsonrpc":"2.0","id":1,"method":"eth_sendRawTransaction","params":["{{raw}}"]}""");
        }
        catch (HttpRequestException)
        {
            return (0, "");
        }
    }

    [TestMethod]
    public async Task Incomplete_storage_settings_stop_the_start_with_exit_2_naming_the_key()
    {
        var data = Directory.CreateTempSubdirectory("harmonysim-testnet-badstore-").FullName;
        try
        {
            var (code, error) = await TestnetProcess.Refused(TestnetProcess.DeployConfig, data, new Dictionary<string, string> { ["HARMONYSIM_Storage__Provider"] = "azure" });
            Assert.AreEqual(2, code, error);
            StringAssert.Contains(error, "Storage:ConnectionString");
            StringAssert.Contains(error, "nothing started");
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private static async Task Receipt(TestnetProcess testnet, string hash)
    {
        for (var i = 0; i < 300; i++)
        {
            if ((await testnet.Call(0, "eth_getTransactionReceipt", hash)).ValueKind == JsonValueKind.Object) return;
            await Task.Delay(100);
        }
        Assert.Fail($"no receipt for {hash}\n{testnet.Error}");
    }

    private static async Task<string> BlockHash(TestnetProcess testnet, ulong number) =>
        (await testnet.Call(0, "eth_getBlockByNumber", "0x" + number.ToString("x", CultureInfo.InvariantCulture), false)).GetProperty("hash").GetString()!;

    /// <summary>
    /// The validators as the testnet shows them: each shard's committee on the dashboard, and the staking RPC's
    /// address list where the node serves it (hmy_getAllValidatorAddresses comes with the staking methods).
    /// </summary>
    private static async Task<string> Validators(TestnetProcess testnet)
    {
        using var http = new HttpClient();
        using var info = JsonDocument.Parse(await http.GetStringAsync(testnet.Url + "/api/info"));
        var committees = info.RootElement.GetProperty("committees").GetRawText();
        var (_, body) = await testnet.Post("/rpc/0", """{"jsonrpc":"2.0","id":1,"method":"hmy_getAllValidatorAddresses","params":[]}""");
        using var staking = JsonDocument.Parse(body);
        var addresses = staking.RootElement.TryGetProperty("result", out var result) ? result.GetRawText() : "(not served)";
        return committees + "\n" + addresses;
    }

    private static async Task<string> Balance(TestnetProcess testnet, string address) => (await testnet.Call(0, "hmyv2_getBalance", address)).GetRawText();

    private static ulong Quantity(JsonElement hex) => ulong.Parse(hex.GetString()![2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
}
