using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using HarmonySim.Protocol.Chain.Transactions;

namespace HarmonySim.Testnet.Tests;

/// <summary>
/// 10,000 random and mutated requests against a running testnet over HTTP: random bytes, random JSON, real method
/// names with random parameters, and real signed transactions with bytes flipped, alone and in batches. The node must
/// answer every one with a JSON-RPC reply (never an internal error), keep committing blocks, and change no state: no
/// input journaled, the funded balances as at genesis, each shard's ledger root what it was after its first block.
/// </summary>
[TestClass]
public sealed class FuzzTests
{
    private const int Requests = 10_000;
    private const string Funded = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";

    private static readonly string[] Methods =
    [
        "eth_chainId", "net_version", "web3_clientVersion", "eth_blockNumber", "eth_getBalance", "eth_getTransactionCount", "eth_gasPrice",
        "eth_estimateGas", "eth_getBlockByNumber", "eth_getBlockByHash", "eth_getTransactionByHash", "eth_getTransactionReceipt", "eth_call",
        "eth_sendRawTransaction", "hmy_sendRawTransaction", "hmyv2_getBalance", "hmy_getBalance", "hmyv2_getTransactionCount", "hmy_getAccountNonce",
        "hmy_latestHeader", "hmyv2_getShardingStructure", "hmy_getEpoch", "hmyv2_getBlockByNumber", "hmy_protocolVersion", "no_such_method",
    ];

    [TestMethod]
    public async Task Ten_thousand_random_and_mutated_requests_leave_the_node_serving_and_the_state_unchanged()
    {
        var data = Directory.CreateTempSubdirectory("harmonysim-testnet-fuzz-").FullName;
        try
        {
            using var testnet = await TestnetProcess.Start(TestnetProcess.DeployConfig, data, "--speed", "10x", "--rate-limit", "1000000");
            var roots = new[] { await RootAfterFirstBlock(testnet, 0), await RootAfterFirstBlock(testnet, 1) };
            var balance = (await testnet.Call(0, "eth_getBalance", Funded, "latest")).GetString();
            var heightBefore = Hex(await testnet.Call(0, "eth_blockNumber"));
            var valid = new[]
            {
                Convert.FromHexString(WalletKeys.Raw(TransactionFormat.Ethereum, 1_666_700_000)[2..]),
                Convert.FromHexString(WalletKeys.Raw(TransactionFormat.Harmony, 2)[2..]),
            };
            var failures = new ConcurrentQueue<string>();
            var statuses = new ConcurrentDictionary<int, int>();
            var next = -1;
            await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < Requests)
                {
                    var random = new Random(i);
                    var (path, body) = Request(random, valid);
                    var (status, reply) = await testnet.Post(path, body);
                    statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
                    if (Problem(status, reply) is { } problem) failures.Enqueue($"request {i} ({Short(body)}): {problem}");
                }
            }));
            Assert.IsTrue(failures.IsEmpty, $"{failures.Count} bad answers, e.g.\n{string.Join("\n", failures.Take(5))}");
            // Still serving and still committing.
            await Task.Delay(1000);
            Assert.IsTrue(Hex(await testnet.Call(0, "eth_blockNumber")) > heightBefore, "shard 0 kept committing blocks");
            Assert.AreEqual(balance, (await testnet.Call(0, "eth_getBalance", Funded, "latest")).GetString());
            for (var s = 0; s < 2; s++)
                Assert.AreEqual(roots[s], (await testnet.Call(s, "eth_getBlockByNumber", "latest", false)).GetProperty("stateRoot").GetString(), $"shard {s}'s ledger root");
            Assert.AreEqual(0, File.ReadAllText(Path.Combine(data, "journal.jsonl")).Length, "no rejected input journaled");
            Assert.AreEqual(0, await testnet.Stop(), testnet.Error);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private static async Task<string> RootAfterFirstBlock(TestnetProcess testnet, int shard)
    {
        for (var i = 0; i < 300; i++)
        {
            var block = await testnet.Call(shard, "eth_getBlockByNumber", "0x1", false);
            if (block.ValueKind == JsonValueKind.Object) return block.GetProperty("stateRoot").GetString()!;
            await Task.Delay(100);
        }
        Assert.Fail($"shard {shard} committed no block");
        return "";
    }

    /// <summary>Why an answer is wrong, or null: an HTTP status the endpoint never uses, a body that is not JSON-RPC, or an internal error.</summary>
    private static string? Problem(int status, string reply)
    {
        if (status == 204) return reply.Length == 0 ? null : "a body with 204";
        if (status is not (200 or 404 or 413 or 429)) return $"HTTP {status}";
        try
        {
            using var doc = JsonDocument.Parse(reply);
            var answers = doc.RootElement.ValueKind == JsonValueKind.Array ? [.. doc.RootElement.EnumerateArray()] : new[] { doc.RootElement };
            foreach (var a in answers)
            {
                if (!a.TryGetProperty("jsonrpc", out _)) return "no jsonrpc member";
                if (a.TryGetProperty("error", out var e) && e.GetProperty("code").GetInt32() == -32603) return $"internal error: {e}";
                if (!a.TryGetProperty("error", out _) && !a.TryGetProperty("result", out _)) return "neither result nor error";
            }
            return null;
        }
        catch (JsonException e)
        {
            return $"not JSON: {e.Message}";
        }
    }

    private static (string Path, string Body) Request(Random random, byte[][] valid)
    {
        var path = random.Next(4) switch { 0 => "/", 1 => "/rpc/0", 2 => "/rpc/1", _ => random.Next(3) == 0 ? "/rpc/" + random.Next(-2, 40) : "/" };
        var body = random.Next(10) switch
        {
            0 => Encoding.Latin1.GetString(RandomBytes(random, random.Next(0, 200))),
            1 => RandomJson(random, 3),
            2 or 3 => Call(random, Methods[random.Next(Methods.Length)], RandomParams(random)),
            4 or 5 or 6 => Call(random, random.Next(2) == 0 ? "eth_sendRawTransaction" : "hmy_sendRawTransaction", $"[\"0x{Convert.ToHexStringLower(Mutate(random, valid[random.Next(valid.Length)]))}\"]"),
            7 => Call(random, "eth_getBalance", $"[\"{Funded}\",\"latest\"]"),
            _ => "[" + string.Join(",", Enumerable.Range(0, random.Next(1, 6)).Select(_ => random.Next(2) == 0
                ? Call(random, Methods[random.Next(Methods.Length)], RandomParams(random))
                : Call(random, "eth_sendRawTransaction", $"[\"0x{Convert.ToHexStringLower(Mutate(random, valid[0]))}\"]"))) + "]",
        };
        return (path, body);
    }

    private static string Call(Random random, string method, string parameters) =>
        random.Next(20) == 0
            ? $$"""{"jsonrpc":"2.0","method":"{{method}}","params":{{parameters}}}"""
            : $$"""{"jsonrpc":"2.0","id":{{random.Next()}},"method":"{{method}}","params":{{parameters}}}""";

    private static string RandomParams(Random random) => random.Next(6) switch
    {
        0 => "[]",
        1 => $"[\"{Funded}\",\"latest\"]",
        2 => $"[\"0x{Convert.ToHexStringLower(RandomBytes(random, 32))}\"]",
        3 => $"[\"0x{random.Next():x}\",{(random.Next(2) == 0 ? "true" : "false")}]",
        4 => RandomJson(random, 2),
        _ => "[" + string.Join(",", Enumerable.Range(0, random.Next(0, 4)).Select(_ => RandomJson(random, 2))) + "]",
    };

    private static string RandomJson(Random random, int depth) => (depth == 0 ? random.Next(5) : random.Next(7)) switch
    {
        0 => "null",
        1 => random.Next(2) == 0 ? "true" : "false",
        2 => random.Next(3) == 0 ? "-1e999" : random.NextInt64().ToString(System.Globalization.CultureInfo.InvariantCulture),
        3 => JsonSerializer.Serialize(Encoding.Latin1.GetString(RandomBytes(random, random.Next(0, 40)))),
        4 => random.Next(2) == 0 ? "\"latest\"" : $"\"0x{Convert.ToHexStringLower(RandomBytes(random, random.Next(0, 33)))}\"",
        5 => "[" + string.Join(",", Enumerable.Range(0, random.Next(0, 4)).Select(_ => RandomJson(random, depth - 1))) + "]",
        _ => "{" + string.Join(",", Enumerable.Range(0, random.Next(0, 4)).Select(k => $"\"{(k == 0 ? "to" : "k" + k)}\":{RandomJson(random, depth - 1)}")) + "}",
    };

    /// <summary>The transaction with 1 to 3 bytes changed (never the original), sometimes cut short or extended.</summary>
    private static byte[] Mutate(Random random, byte[] original)
    {
        var bytes = (byte[])original.Clone();
        for (var n = random.Next(1, 4); n > 0; n--) bytes[random.Next(bytes.Length)] ^= (byte)random.Next(1, 256);
        return random.Next(10) switch
        {
            0 => bytes[..random.Next(bytes.Length)],
            1 => [.. bytes, .. RandomBytes(random, random.Next(1, 8))],
            _ => bytes.AsSpan().SequenceEqual(original) ? [.. bytes, 0] : bytes,
        };
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static ulong Hex(JsonElement e) => ulong.Parse(e.GetString()![2..], System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture);

    private static string Short(string body) => body.Length > 120 ? body[..120] + "…" : body;
}
