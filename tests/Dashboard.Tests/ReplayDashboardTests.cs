using System.Globalization;
using System.Text.Json;
using HarmonySim.Dashboard.Tests.Harness;
using HarmonySim.Silo.Tests.Commands;
using Microsoft.Playwright;

namespace HarmonySim.Dashboard.Tests;

/// <summary>
/// A finished run's folder served by <c>harmonysim dashboard</c>: the time slider shows the run as it stood at the
/// chosen virtual time (heights checked against the folder's own blocks.csv), and the export matches the series.
/// </summary>
[TestClass]
public sealed class ReplayDashboardTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task A_finished_run_folder_opens_and_the_time_slider_moves_the_view_through_virtual_time()
    {
        var dir = Served.TempFolder("replay");
        try
        {
            using (var run = HarmonySimProcess.Start("run", "leader-isolation", "--out", dir))
                Assert.AreEqual(0, await run.WaitForExit(), run.Output + run.Error);
            var folder = Directory.GetDirectories(dir).Single();
            var blocks = File.ReadAllLines(Path.Combine(folder, "blocks.csv")).Skip(1).Select(l => l.Split(','))
                .Select(f => (Shard: int.Parse(f[0], CultureInfo.InvariantCulture), Height: ulong.Parse(f[1], CultureInfo.InvariantCulture), At: double.Parse(f[5], CultureInfo.InvariantCulture)))
                .ToList();
            ulong HeightAt(int shard, double t) => blocks.Where(b => b.Shard == shard && b.At <= t).Select(b => b.Height).DefaultIfEmpty(0UL).Max();

            using var served = await Served.Start("dashboard", folder, "--port", "0");
            await using var browser = await Browser.Open(TestContext);
            var page = browser.Page;
            await page.GotoAsync(served.Address.ToString());
            await page.WaitForFunctionAsync("document.querySelector('#status').dataset.state === 'replay' && !document.querySelector('#replay').hidden");
            Assert.AreEqual(HeightAt(1, 180), await ShardHeight(page, 1), "at the end, the final height");

            // Move the slider to 60 s: shard 1's leader is isolated at 30 s, so its height stalls while shard 0 goes on.
            foreach (var t in new[] { 60, 120 })
            {
                await page.Locator("#time").EvaluateAsync($"(el) => {{ el.value = {t}; el.dispatchEvent(new Event('input')); }}");
                await page.WaitForFunctionAsync($"document.querySelector('#at').textContent.startsWith('{t} s')");
                await page.WaitForFunctionAsync($"window.dashboard.state.last.run.at === {t}");
                Assert.AreEqual(HeightAt(0, t), await ShardHeight(page, 0), $"shard 0 at {t} s");
                Assert.AreEqual(HeightAt(1, t), await ShardHeight(page, 1), $"shard 1 at {t} s");
                await browser.Screenshot($"at-{t}s");
            }
            await page.EvaluateAsync("location.hash = '#timeline'");
            await page.WaitForFunctionAsync("document.querySelector('#timeline tbody tr[data-kind=new_view]') !== null");
            await browser.Screenshot("timeline");

            var csv = await page.APIRequest.GetAsync(new Uri(served.Address, "api/export.csv").ToString());
            Assert.AreEqual(200, csv.Status);
            var rows = (await csv.TextAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            StringAssert.StartsWith(rows[0], "t_s,shard,height");
            Assert.AreEqual(1 + 2 * (180 / 5), rows.Length, "one row per shard per 5 s bucket");
            var json = await page.APIRequest.GetAsync(new Uri(served.Address, "api/export.json").ToString());
            using var exported = JsonDocument.Parse(await json.TextAsync());
            Assert.AreEqual(2 * (180 / 5), exported.RootElement.GetProperty("series").GetArrayLength());
            browser.AssertClean();
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static async Task<ulong> ShardHeight(IPage page, int shard) =>
        ulong.Parse(await page.InnerTextAsync($"#shards tbody tr:nth-child({shard + 1}) td:nth-child(2)"), CultureInfo.InvariantCulture);
}
