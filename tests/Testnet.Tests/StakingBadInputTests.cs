using System.Text.Json;
using HarmonySim.Protocol.Chain;

namespace HarmonySim.Testnet.Tests;

/// <summary>
/// Well-formed staking transactions that would not apply, on a staking testnet with BLS (deploy/testnet-players.yaml):
/// each gets -32000 naming the reason, the sender's balance is unchanged and nothing is journaled. Signed by
/// development account #2, which nothing else here uses.
/// </summary>
[TestClass]
public sealed class StakingBadInputTests
{
    private static TestnetProcess? _testnet;
    private static string? _data;
    private static readonly string Sender = "0x" + Convert.ToHexStringLower(StakingKeys.Third.Address);

    [ClassInitialize]
    public static async Task Start(TestContext context)
    {
        _data = Directory.CreateTempSubdirectory("harmonysim-testnet-stakingbad-").FullName;
        _testnet = await TestnetProcess.Start(PlayerValidatorTests.PlayersConfig, _data, "--speed", "4x", "--rate-limit", "1000000");
    }

    [ClassCleanup]
    public static async Task Stop()
    {
        if (_testnet is not null)
        {
            Assert.AreEqual(0, await _testnet.Stop("TERM"), _testnet.Error);
            _testnet.Dispose();
        }
        if (_data is not null) Directory.Delete(_data, recursive: true);
    }

    private static TestnetProcess Testnet => _testnet!;

    public static IEnumerable<object[]> Rows =>
    [
        ["wrong nonce", "Nonce: expected 0, got 7"],
        ["insufficient balance", "exceeds the balance"],
        ["unknown validator", "is not a validator"],
        ["proof of another key", "does not verify"],
        ["below the minimum self-delegation", "MinSelfDelegation"],
    ];

    [TestMethod]
    [DynamicData(nameof(Rows))]
    public async Task A_staking_transaction_that_would_not_apply_is_refused_and_changes_nothing(string kind, string reason)
    {
        var community = new Address(Convert.FromHexString(Bech32Hex((await Testnet.Call(0, "hmy_getAllValidatorAddresses"))[0].GetString()!)));
        var raw = kind switch
        {
            "wrong nonce" => StakingKeys.Delegate(StakingKeys.Third, 7, community, 1_000),
            "insufficient balance" => StakingKeys.Delegate(StakingKeys.Third, 0, community, 1_000_000),
            "unknown validator" => StakingKeys.Delegate(StakingKeys.Third, 0, new Address(Convert.FromHexString("00000000000000000000000000000000000000a1")), 1_000),
            "proof of another key" => StakingKeys.CreateValidator(StakingKeys.Third, 0, (await BlsKey.New()).Public, (await BlsKey.New()).Proof, 20_000),
            _ => await BelowMinimum(),
        };
        var before = await Testnet.Call(0, "hmyv2_getBalance", Sender);
        var (_, reply) = await Testnet.Post("/rpc/0", PlayerValidatorTests.Request("hmy_sendRawStakingTransaction", raw));
        using var doc = JsonDocument.Parse(reply);
        Assert.IsTrue(doc.RootElement.TryGetProperty("error", out var error), $"{kind}: {reply}");
        Assert.AreEqual(-32000, error.GetProperty("code").GetInt32(), $"{kind}: {reply}");
        StringAssert.Contains(error.GetProperty("message").GetString(), reason, kind);
        Assert.AreEqual(before.GetRawText(), (await Testnet.Call(0, "hmyv2_getBalance", Sender)).GetRawText(), kind);
        Assert.AreEqual(0, (await Testnet.Call(0, "hmyv2_getTransactionCount", Sender)).GetInt32(), $"{kind}: the nonce is unused");
        Assert.AreEqual(0, File.ReadAllText(Path.Combine(_data!, "journal.jsonl")).Length, $"{kind}: nothing journaled");
    }

    /// <summary>A CreateValidator with a valid key and proof but 5,000 ONE, under the 10,000 ONE minimum self-delegation.</summary>
    private static async Task<string> BelowMinimum()
    {
        var key = await BlsKey.New();
        return StakingKeys.CreateValidator(StakingKeys.Third, 0, key.Public, key.Proof, 5_000);
    }

    private static string Bech32Hex(string one) => Convert.ToHexStringLower(Protocol.Crypto.Accounts.Bech32.DecodeAddress("one", one));
}
