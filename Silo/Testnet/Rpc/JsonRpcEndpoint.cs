using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;

namespace HarmonySim.Silo.Testnet.Rpc;

/// <summary>
/// JSON-RPC 2.0 over HTTP: POST <c>/rpc/{shard}</c> (and <c>/</c> for shard 0) with one request or a batch; CORS
/// for browser wallets (any origin, preflight answered); limits on body size, batch size and requests per second per
/// client address. Every failure is a JSON-RPC error object: nothing a client sends reaches a stack trace.
/// </summary>
public sealed class JsonRpcEndpoint(TestnetRpc rpc, RpcLimits limits) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _rate = PartitionedRateLimiter.Create<string, string>(client =>
        RateLimitPartition.GetTokenBucketLimiter(client, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = limits.RequestsPerSecond,
            TokensPerPeriod = limits.RequestsPerSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));

    /// <summary>The shard a path addresses (<c>/</c> is shard 0), or null when the path is not the endpoint's.</summary>
    public int? ShardOf(PathString path)
    {
        var p = path.Value ?? "/";
        if (p is "/" or "") return 0;
        if (!p.StartsWith("/rpc/", StringComparison.Ordinal)) return null;
        return int.TryParse(p.AsSpan(5).TrimEnd('/'), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var s) ? s : -1;
    }

    /// <summary>Whether this request is the endpoint's (a POST or a preflight to an RPC path).</summary>
    public bool Handles(HttpRequest request) =>
        (HttpMethods.IsPost(request.Method) || HttpMethods.IsOptions(request.Method)) && ShardOf(request.Path) is not null;

    public async Task Serve(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.Response;
        response.Headers.AccessControlAllowOrigin = "*";
        response.Headers.AccessControlAllowMethods = "POST, OPTIONS";
        response.Headers.AccessControlAllowHeaders = "Content-Type";
        if (HttpMethods.IsOptions(context.Request.Method))
        {
            response.StatusCode = StatusCodes.Status204NoContent;
            return;
        }
        var shard = ShardOf(context.Request.Path)!.Value;
        if (shard < 0 || shard >= rpc.Shards)
        {
            await Write(response, StatusCodes.Status404NotFound, Error(null, RpcErrors.InvalidRequest, $"no shard at {context.Request.Path}: this network serves /rpc/0 to /rpc/{rpc.Shards - 1}"));
            return;
        }
        var body = await ReadBody(context.Request);
        if (body is null)
        {
            await Write(response, StatusCodes.Status413PayloadTooLarge, Error(null, RpcErrors.LimitExceeded, $"request larger than {limits.MaxRequestBytes} bytes"));
            return;
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 32 });
        }
        catch (JsonException e)
        {
            await Write(response, StatusCodes.Status200OK, Error(null, RpcErrors.ParseError, $"parse error: {e.Message}"));
            return;
        }
        using (document)
        {
            var root = document.RootElement;
            var calls = root.ValueKind == JsonValueKind.Array ? root.GetArrayLength() : 1;
            if (calls > limits.MaxBatch)
            {
                await Write(response, StatusCodes.Status200OK, Error(null, RpcErrors.LimitExceeded, $"batch of {calls} calls is over the limit of {limits.MaxBatch}"));
                return;
            }
            if (RateLimited(context, calls) is { } refused)
            {
                await Write(response, StatusCodes.Status429TooManyRequests, refused);
                return;
            }
            var baseUrl = $"{context.Request.Scheme}://{context.Request.Host}";
            if (root.ValueKind == JsonValueKind.Array)
            {
                if (calls == 0)
                {
                    await Write(response, StatusCodes.Status200OK, Error(null, RpcErrors.InvalidRequest, "empty batch"));
                    return;
                }
                var answers = await Task.WhenAll(root.EnumerateArray().Select(r => One(r, shard, baseUrl)).ToList());
                var replies = new JsonArray([.. answers.Where(a => a is not null)]);
                if (replies.Count == 0) response.StatusCode = StatusCodes.Status204NoContent;
                else await Write(response, StatusCodes.Status200OK, replies);
                return;
            }
            var answer = await One(root, shard, baseUrl);
            if (answer is null) response.StatusCode = StatusCodes.Status204NoContent;
            else await Write(response, StatusCodes.Status200OK, answer);
        }
    }

    /// <summary>One call's answer, or null for a notification (a call without an id gets none).</summary>
    public async Task<JsonObject?> One(JsonElement request, int shard, string baseUrl)
    {
        if (request.ValueKind != JsonValueKind.Object) return Error(null, RpcErrors.InvalidRequest, "invalid request: expected an object");
        JsonNode? id = null;
        var notification = !request.TryGetProperty("id", out var idElement);
        if (!notification)
        {
            if (idElement.ValueKind is not (JsonValueKind.String or JsonValueKind.Number or JsonValueKind.Null))
                return Error(null, RpcErrors.InvalidRequest, "invalid request: id must be a string, a number or null");
            id = JsonNode.Parse(idElement.GetRawText());
        }
        if (!request.TryGetProperty("jsonrpc", out var version) || version.ValueKind != JsonValueKind.String || version.GetString() != "2.0")
            return Error(id, RpcErrors.InvalidRequest, "invalid request: jsonrpc must be \"2.0\"");
        if (!request.TryGetProperty("method", out var methodElement) || methodElement.ValueKind != JsonValueKind.String)
            return Error(id, RpcErrors.InvalidRequest, "invalid request: method must be a string");
        var method = methodElement.GetString()!;
        JsonElement? parameters = null;
        if (request.TryGetProperty("params", out var p) && p.ValueKind != JsonValueKind.Null)
        {
            if (p.ValueKind != JsonValueKind.Array) return Error(id, RpcErrors.InvalidParams, "params must be an array (positional parameters)");
            parameters = p.Clone();
        }
        try
        {
            var result = await rpc.Invoke(method, new RpcCall(shard, new RpcParams(parameters), baseUrl));
            return notification ? null : new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["result"] = result };
        }
        catch (RpcException e)
        {
            return notification ? null : Error(id, e.Code, e.Message);
        }
        catch (TimeoutException)
        {
            return notification ? null : Error(id, RpcErrors.ServerError, "no answer from the network in time; try again");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A fault of the node, not of the request: say so without details (the request itself was well formed).
            return notification ? null : Error(id, RpcErrors.InternalError, $"internal error ({e.GetType().Name})");
        }
    }

    public void Dispose() => _rate.Dispose();

    private async Task<byte[]?> ReadBody(HttpRequest request)
    {
        if (request.ContentLength > limits.MaxRequestBytes) return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk)) > 0)
        {
            if (buffer.Length + read > limits.MaxRequestBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    /// <summary>
    /// Takes <paramref name="calls"/> calls from the client's token bucket, the one HTTP requests draw from, so a client
    /// cannot pass the limit by switching to a WebSocket; the refusal's error when the bucket is empty, else null.
    /// </summary>
    public JsonObject? RateLimited(HttpContext context, int calls)
    {
        ArgumentNullException.ThrowIfNull(context);
        // More calls than the bucket holds can never be granted (and the limiter throws for them).
        if (calls > limits.RequestsPerSecond) return Error(null, RpcErrors.LimitExceeded, $"rate limit of {limits.RequestsPerSecond} calls per second exceeded");
        using var lease = _rate.AttemptAcquire(Client(context), Math.Max(1, calls));
        return lease.IsAcquired ? null : Error(null, RpcErrors.LimitExceeded, $"rate limit of {limits.RequestsPerSecond} calls per second exceeded");
    }

    private static string Client(HttpContext context) => (context.Connection.RemoteIpAddress ?? IPAddress.None).ToString();

    private static JsonObject Error(JsonNode? id, int code, string message) =>
        new() { ["jsonrpc"] = "2.0", ["id"] = id, ["error"] = new JsonObject { ["code"] = code, ["message"] = message } };

    private static async Task Write(HttpResponse response, int status, JsonNode body)
    {
        response.StatusCode = status;
        response.ContentType = "application/json";
        await using var writer = new Utf8JsonWriter(response.Body);
        body.WriteTo(writer);
        await writer.FlushAsync();
    }
}
