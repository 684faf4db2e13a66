using System.Net.WebSockets;

namespace HarmonySim.Testnet.Tests;

/// <summary>
/// The per-client rate limit (<c>--rate-limit</c>) on a real testnet process: a batch of more calls than a second
/// allows is refused with -32005 over HTTP (429) and over a WebSocket alike, and a single call still goes through.
/// </summary>
[TestClass]
public sealed class RateLimitTests
{
    [TestMethod]
    public async Task A_batch_over_the_rate_limit_is_refused_over_http_and_over_a_websocket()
    {
        var data = Directory.CreateTempSubdirectory("harmonysim-testnet-rate-").FullName;
        try
        {
            using var testnet = await TestnetProcess.Start(TestnetProcess.DeployConfig, data, "--speed", "4x", "--rate-limit", "3");
            var batch = "[" + string.Join(",", Enumerable.Range(1, 4).Select(i => $$"""{"jsonrpc":"2.0","id":{{i}},"method":"eth_chainId","params":[]}""")) + "]";
            var (status, body) = await testnet.Post("/", batch);
            Assert.AreEqual(429, status, body);
            StringAssert.Contains(body, "-32005");

            using var socket = new ClientWebSocket();
            await socket.ConnectAsync(new Uri(testnet.Url.Replace("http://", "ws://", StringComparison.Ordinal) + "/"), CancellationToken.None);
            await SocketMessages.Send(socket, batch);
            using (var refused = await SocketMessages.Receive(socket))
            {
                Assert.AreEqual(-32005, refused.RootElement.GetProperty("error").GetProperty("code").GetInt32());
                StringAssert.Contains(refused.RootElement.GetProperty("error").GetProperty("message").GetString(), "rate limit of 3");
            }
            await SocketMessages.Send(socket, """{"jsonrpc":"2.0","id":9,"method":"eth_chainId","params":[]}""");
            using (var answer = await SocketMessages.Receive(socket))
                Assert.AreEqual("0x6357d2e0", answer.RootElement.GetProperty("result").GetString());
            Assert.AreEqual(0, await testnet.Stop(), testnet.Error);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }
}
