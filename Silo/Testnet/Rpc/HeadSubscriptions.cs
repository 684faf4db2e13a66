using System.Collections.Concurrent;
using System.Globalization;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using HarmonySim.Grains.Interfaces.Runs;
using HarmonySim.Simulation.Plans;
using Microsoft.AspNetCore.Http;

namespace HarmonySim.Silo.Testnet.Rpc;

/// <summary>
/// JSON-RPC over a WebSocket on the same paths as HTTP (<c>ws://HOST/rpc/SHARD</c>, <c>ws://HOST/</c> = shard 0):
/// every method the HTTP endpoint serves, plus <c>eth_subscribe("newHeads")</c> and <c>eth_unsubscribe</c>, as
/// ethers' WebSocketProvider and web3 use them. A subscription polls its shard's head (a read-only grain call, as
/// an HTTP read) and sends each new canonical block's header once, in order, as an <c>eth_subscription</c> message.
/// </summary>
public sealed class HeadSubscriptions(IGrainFactory grains, RunPlan plan, JsonRpcEndpoint endpoint, RpcLimits limits)
{
    /// <summary>How often a subscription looks for a new head: blocks come every 2 s at 1x, so a head is sent within a fifth of a second.</summary>
    public static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(200);

    /// <summary>At most this many blocks are sent at once when the head jumps (a replay catching up): the latest ones.</summary>
    public const int MaxCatchUp = 64;

    /// <summary>Subscriptions one connection may hold.</summary>
    public const int MaxSubscriptions = 16;

    private IGrainFactory Grains => grains;
    private RunPlan Plan => plan;
    private JsonRpcEndpoint Endpoint => endpoint;
    private RpcLimits Limits => limits;

    public async Task Serve(HttpContext context, int shard)
    {
        ArgumentNullException.ThrowIfNull(context);
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        using var session = new Session(this, socket, shard, $"{(context.Request.IsHttps ? "https" : "http")}://{context.Request.Host}", context, context.RequestAborted);
        await session.Run();
    }

    private sealed class Session(HeadSubscriptions owner, WebSocket socket, int shard, string baseUrl, HttpContext context, CancellationToken aborted) : IDisposable
    {
        private readonly SemaphoreSlim _sending = new(1, 1);
        private readonly ConcurrentDictionary<string, CancellationTokenSource> _subscriptions = new(StringComparer.Ordinal);
        private readonly CancellationTokenSource _closed = CancellationTokenSource.CreateLinkedTokenSource(aborted);

        public async Task Run()
        {
            try
            {
                while (socket.State == WebSocketState.Open && await Receive() is { } message)
                {
                    if (await Answer(message) is { } reply) await Send(reply);
                }
                if (socket.State == WebSocketState.CloseReceived)
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException)
            {
                // The client went away; nothing to answer.
            }
            finally
            {
                await _closed.CancelAsync();
                foreach (var s in _subscriptions.Values) await s.CancelAsync();
            }
        }

        // Every subscription is cancelled by now; a pump still inside a send meets ObjectDisposedException and ends.
        public void Dispose()
        {
            foreach (var s in _subscriptions.Values) s.Dispose();
            _closed.Dispose();
            _sending.Dispose();
        }

        /// <summary>One text message, or null when the client closes; an oversized one closes the socket (as an HTTP request over the limit is refused).</summary>
        private async Task<byte[]?> Receive()
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[16 * 1024];
            while (true)
            {
                var read = await socket.ReceiveAsync(chunk, _closed.Token);
                if (read.MessageType == WebSocketMessageType.Close) return null;
                buffer.Write(chunk, 0, read.Count);
                if (buffer.Length > owner.Limits.MaxRequestBytes)
                {
                    await socket.CloseAsync(WebSocketCloseStatus.MessageTooBig, $"message larger than {owner.Limits.MaxRequestBytes} bytes", CancellationToken.None);
                    return null;
                }
                if (read.EndOfMessage) return buffer.ToArray();
            }
        }

        private async Task<JsonNode?> Answer(byte[] message)
        {
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(message, new JsonDocumentOptions { MaxDepth = 32 });
            }
            catch (JsonException e)
            {
                return Error(null, RpcErrors.ParseError, $"parse error: {e.Message}");
            }
            using (document)
            {
                var root = document.RootElement;
                var calls = root.ValueKind == JsonValueKind.Array ? root.GetArrayLength() : 1;
                if (calls > owner.Limits.MaxBatch) return Error(null, RpcErrors.LimitExceeded, $"batch of {calls} calls is over the limit of {owner.Limits.MaxBatch}");
                if (owner.Endpoint.RateLimited(context, calls) is { } refused) return refused;
                if (root.ValueKind != JsonValueKind.Array) return await One(root);
                if (calls == 0) return Error(null, RpcErrors.InvalidRequest, "empty batch");
                var replies = new JsonArray();
                foreach (var call in root.EnumerateArray())
                    if (await One(call) is { } reply) replies.Add(reply);
                return replies.Count == 0 ? null : replies;
            }
        }

        private async Task<JsonNode?> One(JsonElement request)
        {
            var method = request.ValueKind == JsonValueKind.Object && request.TryGetProperty("method", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
            if (method is not ("eth_subscribe" or "eth_unsubscribe")) return await owner.Endpoint.One(request, shard, baseUrl);
            JsonNode? id = request.TryGetProperty("id", out var idElement) ? JsonNode.Parse(idElement.GetRawText()) : null;
            var parameters = request.TryGetProperty("params", out var p) && p.ValueKind == JsonValueKind.Array ? p : default;
            var first = parameters.ValueKind == JsonValueKind.Array && parameters.GetArrayLength() > 0 ? parameters[0] : default;
            if (first.ValueKind != JsonValueKind.String)
                return Error(id, RpcErrors.InvalidParams, $"invalid argument 0: {(method == "eth_subscribe" ? "expected a subscription name such as \"newHeads\"" : "expected a subscription id")}");
            if (method == "eth_unsubscribe")
            {
                var removed = _subscriptions.TryRemove(first.GetString()!, out var subscription);
                if (removed) await subscription!.CancelAsync();
                return Result(id, JsonValue.Create(removed));
            }
            if (first.GetString() != "newHeads")
                return Error(id, RpcErrors.InvalidParams, $"invalid argument 0: this network serves the \"newHeads\" subscription only, not \"{first.GetString()}\"");
            if (_subscriptions.Count >= MaxSubscriptions)
                return Error(id, RpcErrors.LimitExceeded, $"at most {MaxSubscriptions} subscriptions per connection");
            var head = await Shard().Block(null);
            var key = "0x" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            var stop = CancellationTokenSource.CreateLinkedTokenSource(_closed.Token);
            _subscriptions[key] = stop;
            // Answered before the first notification is sent: the pump waits a poll first, and sends share a lock.
            _ = Pump(key, head?.Number ?? 0, stop.Token);
            return Result(id, JsonValue.Create(key));
        }

        private async Task Pump(string subscription, ulong sent, CancellationToken stop)
        {
            try
            {
                while (!stop.IsCancellationRequested)
                {
                    await Task.Delay(Poll, stop);
                    if (await Shard().Block(null) is not { } head || head.Number <= sent) continue;
                    var from = Math.Max(sent + 1, head.Number >= MaxCatchUp ? head.Number - MaxCatchUp + 1 : 1);
                    for (var n = from; n <= head.Number; n++)
                    {
                        var block = n == head.Number ? head : await Shard().Block(n);
                        if (block is null) continue;
                        await Send(new JsonObject
                        {
                            ["jsonrpc"] = "2.0",
                            ["method"] = "eth_subscription",
                            ["params"] = new JsonObject { ["subscription"] = subscription, ["result"] = RpcFormat.Block(block, [], RpcStyle.Hex) },
                        }, stop);
                    }
                    sent = head.Number;
                }
            }
            catch (Exception e) when (e is OperationCanceledException or WebSocketException or ObjectDisposedException)
            {
                // Unsubscribed, or the connection closed.
            }
        }

        private IShardNetworkGrain Shard() => owner.Grains.GetGrain<IShardNetworkGrain>($"{owner.Plan.RunId}/{shard.ToString(CultureInfo.InvariantCulture)}");

        private async Task Send(JsonNode message, CancellationToken cancellation = default)
        {
            var bytes = JsonSerializer.SerializeToUtf8Bytes(message);
            await _sending.WaitAsync(cancellation);
            try
            {
                if (socket.State == WebSocketState.Open) await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellation);
            }
            finally
            {
                _sending.Release();
            }
        }

        private static JsonObject Result(JsonNode? id, JsonNode? result) => new() { ["jsonrpc"] = "2.0", ["id"] = id, ["result"] = result };

        private static JsonObject Error(JsonNode? id, int code, string message) =>
            new() { ["jsonrpc"] = "2.0", ["id"] = id, ["error"] = new JsonObject { ["code"] = code, ["message"] = message } };
    }
}
