using System.Globalization;
using HarmonySim.Dashboard.Tests.Harness;
using Microsoft.Playwright;

namespace HarmonySim.Dashboard.Tests;

/// <summary>
/// A user's session with the live dashboard, in a real browser against a real run: heights rise on the overview, a
/// shard opens, a leader isolation injected from the form becomes a view change in the timeline and on the chart,
/// pause holds virtual time and resume releases it. The injected fault is in the run's event log afterwards.
/// </summary>
[TestClass]
public sealed class LiveDashboardTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task Watch_a_run_open_a_shard_isolate_its_leader_see_the_view_change_pause_and_resume()
    {
        var dir = Served.TempFolder("live");
        try
        {
            // 4x real time: a 27 s view-change timer expires in a few wall seconds, and the 20-minute run cannot end first.
            using var served = await Served.Start("run", Served.Scenario("watch"), "--dashboard=0", "--speed", "4x", "--out", dir);
            await using var browser = await Browser.Open(TestContext);
            var page = browser.Page;
            await page.GotoAsync(served.Address.ToString());
            await Expect(page, "document.querySelector('#status').dataset.state === 'running'");
            // A paced run mounts the Orleans dashboard, linked from the page.
            Assert.IsTrue(await page.IsVisibleAsync("#nav-orleans"));
            // A plain run has no testnet validators: the page neither links nor asks for them.
            Assert.IsFalse(await page.IsVisibleAsync("#nav-validators"));
            var orleans = await page.APIRequest.GetAsync(new Uri(served.Address, "orleans/").ToString());
            Assert.AreEqual(200, orleans.Status);
            StringAssert.Contains(await orleans.TextAsync(), "Orleans");

            // Heights rise on the overview.
            var first = await Height(page);
            await Expect(page, $"Number(document.querySelector('#shards tbody tr td:nth-child(2)').textContent) > {first}");
            await Expect(page, "window.dashboard.chartData('height') && window.dashboard.chartData('height')[0].length > 1");
            await browser.Screenshot("overview");

            // Open the shard: its blocks and committee.
            await page.ClickAsync("[data-testid=open-shard-0]");
            await Expect(page, "!document.querySelector('#page-shard').hidden && document.querySelectorAll('#blocks tbody tr').length > 0");
            Assert.AreEqual(16, await page.Locator("#committee tbody tr").CountAsync(), "the committee of 16 validators");
            await browser.Screenshot("shard");

            // Isolate the leader from the form; the shard must view-change.
            await page.SelectOptionAsync("#fault-kind", "isolate-leader");
            await page.FillAsync("#fault-shard", "0");
            await page.ClickAsync("#fault-submit");
            await Expect(page, "document.querySelector('#fault-result').textContent.includes('queued')");
            await page.EvaluateAsync("location.hash = '#timeline'");
            await Expect(page, "document.querySelector('#timeline tbody tr[data-kind=fault]') !== null");
            await Expect(page, "document.querySelector('#timeline tbody tr[data-kind=new_view]') !== null");
            StringAssert.Contains(await page.InnerTextAsync("#timeline"), "isolate-leader");
            await browser.Screenshot("timeline");
            await page.EvaluateAsync("location.hash = '#overview'");
            await Expect(page, "window.dashboard.chartData('views')[1].some(v => v > 0)");
            await browser.Screenshot("view-change-chart");

            // Pause holds virtual time (the status says paused once the run is held, at the end of the step under way);
            // resume lets it go on.
            await page.ClickAsync("#pause");
            await Expect(page, "document.querySelector('#status').dataset.state === 'paused'");
            var held = await Now(page);
            await page.WaitForTimeoutAsync(1500);
            await page.ReloadAsync();
            await Expect(page, "document.querySelector('#status').dataset.state === 'paused'");
            Assert.AreEqual(held, await Now(page), "virtual time moved while paused");
            await browser.Screenshot("paused");
            await page.ClickAsync("#resume");
            await Expect(page, $"document.querySelector('#status').dataset.state === 'running' && window.dashboard.state.last.run.now > {held.ToString(CultureInfo.InvariantCulture)}");

            browser.AssertClean();
            await page.CloseAsync();
            served.Process.Signal("INT");
            await served.Process.WaitForExit();
            var events = File.ReadAllText(Path.Combine(Directory.GetDirectories(dir).Single(), "events.jsonl"));
            StringAssert.Contains(events, "\"fault\":\"isolate-leader\"", "the injected fault entered the event log (and so the digest)");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static async Task<ulong> Height(IPage page) =>
        ulong.Parse(await page.InnerTextAsync("#shards tbody tr td:nth-child(2)"), CultureInfo.InvariantCulture);

    private static async Task<double> Now(IPage page) => await page.EvaluateAsync<double>("window.dashboard.state.last.run.now");

    private static async Task Expect(IPage page, string condition) =>
        await page.WaitForFunctionAsync(condition, null, new PageWaitForFunctionOptions { Timeout = (float)Patience.TotalMilliseconds, PollingInterval = 100 });
}
