using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace HarmonySim.Testnet.Tests;

/// <summary>
/// JSON-RPC over a WebSocket on the RPC port: ethers' WebSocketProvider gets consecutive new heads through
/// eth_subscribe("newHeads"), and a raw socket sees the subscription's messages, eth_unsubscribe and the errors.
/// </summary>
[TestClass]
public sealed class SubscriptionTests
{
    [TestMethod]
    public async Task Ethers_WebSocketProvider_receives_consecutive_new_heads_and_unsubscribes()
    {
        if (NodeScript.MissingReason("ethers", "ethers") is { } missing) Assert.Inconclusive(missing);
        var data = Directory.CreateTempSubdirectory("harmonysim-testnet-ws-").FullName;
        try
        {
            using var testnet = await TestnetProcess.Start(TestnetProcess.DeployConfig, data, "--speed", "4x");
            var (code, output, error) = await NodeScript.Run("ethers", Path.Combine(AppContext.BaseDirectory, "Scripts", "ethers-newheads.cjs"),
                testnet.Url.Replace("http://", "ws://", StringComparison.Ordinal) + "/rpc/1", "3");
            Assert.AreEqual(0, code, $"ethers script failed: {error}\n{output}\n{testnet.Error}");
            using var report = JsonDocument.Parse(output.Trim());
            Assert.AreEqual("1666700001", report.RootElement.GetProperty("chainId").GetString(), "shard 1's chain id over the socket");
            var heads = report.RootElement.GetProperty("heads").EnumerateArray().Select(h => h.GetInt64()).ToList();
            Assert.IsTrue(heads.Count >= 3, $"three heads asked for, got {heads.Count}");
            for (var i = 1; i < heads.Count; i++) Assert.AreEqual(heads[i - 1] + 1, heads[i], $"consecutive heads: {string.Join(", ", heads)}");
            var block = await testnet.Call(1, "eth_getBlockByNumber", "0x" + heads[^1].ToString("x", CultureInfo.InvariantCulture), false);
            Assert.AreEqual(block.GetProperty("hash").GetString(), report.RootElement.GetProperty("lastHash").GetString());
            Assert.AreEqual(0, await testnet.Stop(), testnet.Error);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [TestMethod]
    public async Task A_subscription_sends_each_head_once_in_order_until_unsubscribed_and_bad_subscriptions_are_refused()
    {
        var data = Directory.CreateTempSubdirectory("harmonysim-testnet-ws-raw-").FullName;
        try
        {
            using var testnet = await TestnetProcess.Start(TestnetProcess.DeployConfig, data, "--speed", "4x");
            using var socket = new ClientWebSocket();
            await socket.ConnectAsync(new Uri(testnet.Url.Replace("http://", "ws://", StringComparison.Ordinal) + "/"), CancellationToken.None);
            await SocketMessages.Send(socket, """{"jsonrpc":"2.0","id":1,"method":"eth_subscribe","params":["logs"]}""");
            using (var refused = await SocketMessages.Receive(socket))
                Assert.AreEqual(-32602, refused.RootElement.GetProperty("error").GetProperty("code").GetInt32());
            await SocketMessages.Send(socket, """{"jsonrpc":"2.0","id":2,"method":"eth_blockNumber","params":[]}""");
            using (var number = await SocketMessages.Receive(socket))
                StringAssert.StartsWith(number.RootElement.GetProperty("result").GetString(), "0x");
            await SocketMessages.Send(socket, """{"jsonrpc":"2.0","id":3,"method":"eth_subscribe","params":["newHeads"]}""");
            string subscription;
            using (var answer = await SocketMessages.Receive(socket)) subscription = answer.RootElement.GetProperty("result").GetString()!;
            var numbers = new List<ulong>();
            while (numbers.Count < 3)
            {
                using var message = await SocketMessages.Receive(socket);
                Assert.AreEqual("eth_subscription", message.RootElement.GetProperty("method").GetString());
                var p = message.RootElement.GetProperty("params");
                Assert.AreEqual(subscription, p.GetProperty("subscription").GetString());
                numbers.Add(ulong.Parse(p.GetProperty("result").GetProperty("number").GetString()![2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture));
            }
            Assert.AreEqual(numbers[0] + 1, numbers[1]);
            Assert.AreEqual(numbers[1] + 1, numbers[2]);
            await SocketMessages.Send(socket, $$"""{"jsonrpc":"2.0","id":4,"method":"eth_unsubscribe","params":["{{subscription}}"]}""");
            // A head may already be on its way; the answer to the unsubscribe follows it.
            while (true)
            {
                using var message = await SocketMessages.Receive(socket);
                if (message.RootElement.TryGetProperty("method", out _)) continue;
                Assert.AreEqual(4, message.RootElement.GetProperty("id").GetInt32());
                Assert.IsTrue(message.RootElement.GetProperty("result").GetBoolean());
                break;
            }
            await SocketMessages.Send(socket, $$"""{"jsonrpc":"2.0","id":5,"method":"eth_unsubscribe","params":["{{subscription}}"]}""");
            using (var again = await SocketMessages.Receive(socket)) Assert.IsFalse(again.RootElement.GetProperty("result").GetBoolean(), "already unsubscribed");
            // Nothing more arrives for the cancelled subscription (two block times at 4x).
            using var quiet = new CancellationTokenSource(TimeSpan.FromSeconds(1.5));
            var buffer = new byte[4096];
            await Assert.ThrowsAsync<OperationCanceledException>(async () => await socket.ReceiveAsync(buffer, quiet.Token));
            Assert.AreEqual(0, await testnet.Stop(), testnet.Error);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }
}
