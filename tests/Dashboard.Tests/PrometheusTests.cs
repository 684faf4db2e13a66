using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text.Json;
using HarmonySim.Dashboard.Tests.Harness;

namespace HarmonySim.Dashboard.Tests;

/// <summary>
/// The real monitoring stack: Debian's prometheus, configured by deploy/prometheus.yml (its target pointed at the run),
/// scrapes a running harmonysim, and a HarmonySim series is read back through Prometheus' HTTP query API.
/// </summary>
[TestClass]
public sealed class PrometheusTests
{
    [TestMethod]
    public async Task Prometheus_with_the_shipped_config_scrapes_a_run_and_answers_a_query_for_a_HarmonySim_series()
    {
        var dir = Served.TempFolder("prometheus");
        try
        {
            using var served = await Served.Start("run", Served.Scenario("watch"), "--dashboard=0", "--speed", "10x", "--out", Path.Combine(dir, "runs"));
            var shipped = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "deploy", "prometheus.yml"));
            StringAssert.Contains(shipped, "\"127.0.0.1:8080\"", "the shipped config targets the default dashboard port");
            var config = Path.Combine(dir, "prometheus.yml");
            File.WriteAllText(config, shipped.Replace("127.0.0.1:8080", served.Address.Authority, StringComparison.Ordinal));
            var port = FreePort();
            using var prometheus = Process.Start(new ProcessStartInfo("prometheus",
            [
                "--config.file=" + config, "--storage.tsdb.path=" + Path.Combine(dir, "tsdb"), $"--web.listen-address=127.0.0.1:{port}",
            ])
            { RedirectStandardOutput = true, RedirectStandardError = true }) ?? throw new AssertFailedException("prometheus did not start");
            var log = new System.Text.StringBuilder();
            prometheus.ErrorDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
            prometheus.OutputDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
            prometheus.BeginErrorReadLine();
            prometheus.BeginOutputReadLine();
            try
            {
                using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
                var guard = DateTime.UtcNow + TimeSpan.FromMinutes(2);
                double blocks = 0;
                while (blocks <= 0)
                {
                    Assert.IsFalse(prometheus.HasExited, $"prometheus exited:\n{log}");
                    if (DateTime.UtcNow > guard) Assert.Fail($"prometheus never returned harmonysim_blocks_committed_total > 0.\n{log}");
                    await Task.Delay(500);
                    blocks = await Query(http, "sum(harmonysim_blocks_committed_total)");
                }
                Assert.IsGreaterThan(0.0, await Query(http, "max(harmonysim_simulated_time_seconds)"), "virtual time reached is stored too");
                Assert.AreEqual(1.0, await Query(http, "up{job=\"harmonysim\"}"), "the target is up");
            }
            finally
            {
                prometheus.Kill(entireProcessTree: true);
                await prometheus.WaitForExitAsync();
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>An instant query's single value, or 0 when Prometheus has no sample yet.</summary>
    private static async Task<double> Query(HttpClient http, string query)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.GetAsync("api/v1/query?query=" + Uri.EscapeDataString(query));
        }
        catch (HttpRequestException)
        {
            return 0; // not listening yet
        }
        using var _ = response;
        if (!response.IsSuccessStatusCode) return 0;
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var result = json.RootElement.GetProperty("data").GetProperty("result");
        return result.GetArrayLength() == 0 ? 0 : double.Parse(result[0].GetProperty("value")[1].GetString()!, CultureInfo.InvariantCulture);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
