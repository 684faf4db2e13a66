using System.Text.Json;
using HarmonySim.Dashboard.Tests.Harness;
using Microsoft.Playwright;

namespace HarmonySim.Testnet.Tests;

/// <summary>
/// The testnet dashboard's Validators section in a real browser (Debian's chromium, as the dashboard tests drive it)
/// on a real <c>harmonysim testnet deploy/testnet-players.yaml</c>: the three simulated community validators are
/// listed as a cohort's; a player's validator created with @harmony-js/staking (the same script as
/// <see cref="PlayerValidatorTests"/>) appears as a player's, eligible to be elected next epoch, with its stake, and
/// then currently elected after the epoch ends, then booted (jailed: its slot never signs) after its elected epoch.
/// The page must have no console error and no failed request.
/// </summary>
[TestClass]
public sealed class ValidatorBoardPageTests
{
    private const string ValidatorKey = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
    private const string DelegatorKey = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task A_players_validator_appears_on_the_dashboard_eligible_then_elected_at_the_next_epoch_then_jailed()
    {
        if (NodeScript.MissingReason("harmony-js", "@harmony-js/staking") is { } missing) Assert.Inconclusive(missing);
        var key = await BlsKey.New();
        var data = Directory.CreateTempSubdirectory("harmonysim-testnet-board-").FullName;
        try
        {
            // Real time: an epoch is 16 s of wall time, so the page sees the player's validator before it is elected.
            using var testnet = await TestnetProcess.Start(PlayerValidatorTests.PlayersConfig, data, "--speed", "1x");
            await using var browser = await Browser.Open(TestContext);
            var page = browser.Page;
            await page.GotoAsync(testnet.Url + "/#validators");
            await Until(page, "!document.querySelector('#nav-validators').hidden && !document.querySelector('#page-validators').hidden");
            await Until(page, "document.querySelectorAll('#validators tbody tr').length === 3");
            var owners = await page.EvalOnSelectorAllAsync<string[]>("#validators tbody tr", "rows => rows.map(r => r.dataset.owner)");
            CollectionAssert.AreEqual(new[] { "simulated", "simulated", "simulated" }, owners, "deploy/testnet-players.yaml's three community validators");
            StringAssert.Contains(await page.InnerTextAsync("#validators tbody"), "community (node");

            var (code, output, error) = await NodeScript.Run("harmony-js", Path.Combine(AppContext.BaseDirectory, "Scripts", "harmony-validator.cjs"),
                testnet.Url + "/rpc/0", ValidatorKey, DelegatorKey, key.PublicHex, key.ProofHex, "20000", "5000");
            Assert.AreEqual(0, code, $"SDK validator script failed: {error}\n{output}\n{testnet.Error}");
            using var report = JsonDocument.Parse(output.Trim());
            var validator = report.RootElement.GetProperty("validator").GetString()!;
            var row = $"#validators tbody tr[data-address='{validator}']";

            // First seen: a player's, not in the committee yet, and the election the current state would hold takes it.
            await Until(page, $"document.querySelector(\"{row}\") !== null");
            var first = await Cells(page, row);
            Assert.AreEqual("eligible to be elected next epoch", first[5], $"first status: {string.Join(" | ", first)}");
            Assert.AreEqual("player", first[8]);
            Assert.AreEqual("player", first[1], "the name the SDK registered");
            Assert.AreEqual("active", first[6]);
            Assert.AreEqual("20000", first[3], "self stake");
            // The delegation may land a block after the creation.
            await Until(page, $"document.querySelector(\"{row} td:nth-child(3)\").textContent === '25000'");
            Assert.AreEqual("5000", (await Cells(page, row))[4], "delegated");
            await browser.Screenshot("eligible");

            // The next epoch elects it.
            await Until(page, $"document.querySelector(\"{row}\").dataset.elected === 'true'");
            var elected = await Cells(page, row);
            Assert.AreEqual("currently elected", elected[5]);
            StringAssert.Contains(await page.InnerTextAsync("#validators-summary"), "1 players'");
            await browser.Screenshot("elected");

            // No simulated node holds its key, so its slot never signs: at the end of its elected epoch it is jailed.
            await Until(page, $"document.querySelector(\"{row} td:nth-child(7)\").textContent === 'inactive'");
            var jailed = await Cells(page, row);
            StringAssert.Contains(jailed[7], "booted for insufficient signing", $"jailed row: {string.Join(" | ", jailed)}");
            // Jailed at its elected epoch's last block, it leaves the committee as the next epoch begins.
            await Until(page, $"document.querySelector(\"{row}\").dataset.elected === 'false'");
            Assert.AreEqual("not eligible to be elected next epoch", (await Cells(page, row))[5]);
            await browser.Screenshot("jailed");

            // The section and the RPC read the same snapshot: the RPC says jailed too.
            var info = await testnet.Call(0, "hmyv2_getValidatorInformation", validator);
            Assert.AreEqual("inactive", info.GetProperty("active-status").GetString());

            browser.AssertClean();
            await page.CloseAsync();
            Assert.AreEqual(0, await testnet.Stop("TERM"), testnet.Error);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private static async Task<string[]> Cells(IPage page, string row) =>
        await page.EvalOnSelectorAllAsync<string[]>(row + " td", "cells => cells.map(c => c.textContent)");

    private static async Task Until(IPage page, string condition) =>
        await page.WaitForFunctionAsync(condition, null, new PageWaitForFunctionOptions { Timeout = (float)Patience.TotalMilliseconds, PollingInterval = 100 });
}
