using System.Text.Json;
using HarmonySim.Protocol.Chain.Transactions;

namespace HarmonySim.Testnet.Tests;

/// <summary>
/// Bad input to a running testnet, one kind per row: each gets the standard JSON-RPC error, the node keeps serving,
/// and nothing reaches the chain (the journal stays empty, the funded balance is unchanged).
/// </summary>
[TestClass]
public sealed class BadInputTests
{
    private static TestnetProcess? _testnet;
    private static string? _data;

    [ClassInitialize]
    public static async Task Start(TestContext context)
    {
        _data = Directory.CreateTempSubdirectory("harmonysim-testnet-bad-").FullName;
        _testnet = await TestnetProcess.Start(TestnetProcess.DeployConfig, _data, "--speed", "10x", "--rate-limit", "1000000");
    }

    [ClassCleanup]
    public static async Task Stop()
    {
        if (_testnet is not null)
        {
            Assert.AreEqual(0, await _testnet.Stop(), _testnet.Error);
            _testnet.Dispose();
        }
        if (_data is not null) Directory.Delete(_data, recursive: true);
    }

    private static TestnetProcess Testnet => _testnet!;

    private static string Call(string method, string paramsJson) => $$"""{"jsonrpc":"2.0","id":7,"method":"{{method}}","params":{{paramsJson}}}""";

    public static IEnumerable<object[]> Rows =>
    [
        ["malformed JSON", "/", "{\"jsonrpc\":", -32700, "parse error"],
        ["empty batch", "/", "[]", -32600, "empty batch"],
        ["not an object", "/", "42", -32600, "expected an object"],
        ["wrong version", "/", """{"jsonrpc":"1.0","id":1,"method":"eth_chainId"}""", -32600, "jsonrpc must be"],
        ["unknown method", "/", Call("eth_mine", "[]"), -32601, "eth_mine does not exist"],
        ["params not a list", "/", Call("eth_getBalance", "{}"), -32602, "params must be an array"],
        ["address of the wrong type", "/", Call("eth_getBalance", "[12, \"latest\"]"), -32602, "expected a string"],
        ["address too short", "/", Call("eth_getBalance", "[\"0x1234\", \"latest\"]"), -32602, "expected 20 bytes"],
        ["block tag unknown", "/", Call("eth_getBlockByNumber", "[\"yesterday\", false]"), -32602, "0x hex quantity"],
        ["old state", "/", Call("eth_getBalance", "[\"0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266\", \"0x0\"]"), -32000, "not kept"],
        ["not hex", "/", Call("eth_sendRawTransaction", "[\"0xzz\"]"), -32602, "hex digits"],
        ["bad RLP", "/", Call("eth_sendRawTransaction", "[\"0xf8\"]"), -32602, "argument 0 (transaction)"],
        ["not a transaction", "/", Call("eth_sendRawTransaction", "[\"0xc0\"]"), -32602, "expected a list of 9 fields"],
        ["signature that recovers no one", "/", Call("eth_sendRawTransaction", $"[\"{UnrecoverableSignature()}\"]"), -32602, "does not recover"],
        ["Ethereum chain id of another shard", "/", Call("eth_sendRawTransaction", $"[\"{WalletKeys.Raw(TransactionFormat.Ethereum, 1_666_700_001, shard: 1)}\"]"), -32000, "for shard 1"],
        ["Ethereum chain id of another network", "/", Call("eth_sendRawTransaction", $"[\"{WalletKeys.Raw(TransactionFormat.Ethereum, 1_666_600_000)}\"]"), -32000, "wrong_chain_id"],
        ["Harmony chain id of mainnet", "/", Call("hmy_sendRawTransaction", $"[\"{WalletKeys.Raw(TransactionFormat.Harmony, 1)}\"]"), -32000, "wrong_chain_id"],
        ["nonce gap", "/rpc/0", Call("eth_sendRawTransaction", $"[\"{WalletKeys.Raw(TransactionFormat.Ethereum, 1_666_700_000, nonce: 5)}\"]"), -32000, "nonce_gap"],
        ["gas price below the floor", "/rpc/0", Call("eth_sendRawTransaction", $"[\"{WalletKeys.Raw(TransactionFormat.Ethereum, 1_666_700_000, gasPrice: 1)}\"]"), -32000, "underpriced"],
        ["payload to estimate", "/", Call("eth_estimateGas", "[{\"to\":\"0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266\",\"data\":\"0x1234\"}]"), -32000, "value transfers only"],
        ["staking: bad RLP", "/", Call("hmy_sendRawStakingTransaction", "[\"0xf8\"]"), -32602, "staking transaction"],
        ["staking: not a staking transaction", "/", Call("hmy_sendRawStakingTransaction", "[\"0xc0\"]"), -32602, "expected a list of 8 fields"],
        ["staking: a transfer sent as staking", "/", Call("hmy_sendRawStakingTransaction", $"[\"{WalletKeys.Raw(TransactionFormat.Harmony, 2)}\"]"), -32602, "expected a list of 8 fields"],
        ["staking: signature of someone else", "/", Call("hmy_sendRawStakingTransaction", $"[\"{StakingKeys.Tampered()}\"]"), -32602, "signed by"],
        ["staking: unknown directive", "/", Call("hmy_sendRawStakingTransaction", $"[\"{StakingKeys.Raw(7, 2, w => w.Bytes(WalletKeys.Recipient))}\"]"), -32602, "unknown directive 7"],
        ["staking: amount not canonical", "/", Call("hmy_sendRawStakingTransaction", $"[\"{StakingKeys.Raw(2, 2, w => w.Bytes(new Protocol.Chain.Address(WalletKeys.Funded.Address)).Bytes(WalletKeys.Recipient).Bytes([0, 1]))}\"]"), -32602, "leading zero"],
        ["staking: mainnet chain id", "/", Call("hmyv2_sendRawStakingTransaction", $"[\"{StakingKeys.Delegate(1)}\"]"), -32000, "invalid chain id 1"],
        ["staking: not the beacon", "/rpc/1", Call("hmy_sendRawStakingTransaction", $"[\"{StakingKeys.SdkDelegate}\"]"), -32000, "beacon chain"],
        ["staking: well formed, on a testnet without staking", "/", Call("hmy_sendRawStakingTransaction", $"[\"{StakingKeys.SdkDelegate}\"]"), -32000, "has no staking"],
        ["no such shard", "/rpc/9", Call("eth_chainId", "[]"), -32600, "no shard"],
        ["oversized batch", "/", "[" + string.Join(",", Enumerable.Repeat(Call("eth_chainId", "[]"), 101)) + "]", -32005, "over the limit of 100"],
        ["oversized request", "/", Call("eth_chainId", "[\"" + new string('a', 300_000) + "\"]"), -32005, "larger than"],
    ];

    [TestMethod]
    [DynamicData(nameof(Rows))]
    public async Task Bad_input_gets_a_JSON_RPC_error_and_changes_nothing(string kind, string path, string body, int code, string message)
    {
        var before = await Testnet.Call(0, "eth_getBalance", "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266", "latest");
        var (status, reply) = await Testnet.Post(path, body);
        Assert.IsTrue(status is 200 or 404 or 413, $"{kind}: HTTP {status}");
        using var doc = JsonDocument.Parse(reply);
        var error = doc.RootElement.GetProperty("error");
        Assert.AreEqual(code, error.GetProperty("code").GetInt32(), $"{kind}: {reply}");
        StringAssert.Contains(error.GetProperty("message").GetString(), message, kind);
        Assert.AreEqual(before.GetString(), (await Testnet.Call(0, "eth_getBalance", "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266", "latest")).GetString(), kind);
        Assert.AreEqual(0, File.ReadAllText(Path.Combine(_data!, "journal.jsonl")).Length, $"{kind}: nothing journaled");
    }

    /// <summary>A valid transfer whose r is ≥ the curve order: no public key recovers from it.</summary>
    private static string UnrecoverableSignature()
    {
        var bytes = Convert.FromHexString(WalletKeys.Raw(TransactionFormat.Ethereum, 1_666_700_000)[2..]);
        var r = bytes.Length - 65; // ... a0 r(32) a0 s(32): this deterministic signature has a full 32-byte r and s
        for (var i = 0; i < 32; i++) bytes[r + i] = 0xff;
        return "0x" + Convert.ToHexStringLower(bytes);
    }
}
