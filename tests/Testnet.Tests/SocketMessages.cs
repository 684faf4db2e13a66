using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace HarmonySim.Testnet.Tests;

/// <summary>JSON-RPC messages over a client WebSocket, for the tests that talk to the testnet's socket endpoint.</summary>
internal static class SocketMessages
{
    public static Task Send(ClientWebSocket socket, string text) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);

    /// <summary>The next whole message, parsed; fails after 30 s.</summary>
    public static async Task<JsonDocument> Receive(ClientWebSocket socket)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        while (true)
        {
            var read = await socket.ReceiveAsync(chunk, limit.Token);
            buffer.Write(chunk, 0, read.Count);
            if (read.EndOfMessage) return JsonDocument.Parse(buffer.ToArray());
        }
    }
}
