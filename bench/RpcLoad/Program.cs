using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using HdrHistogram;

namespace HarmonySim.Bench.RpcLoad;

/// <summary>
/// An open-loop JSON-RPC load generator: requests start at fixed intervals (rate per second) whether or not earlier
/// ones have answered, and each latency is measured from the request's scheduled start, so a stalled server shows
/// up as latency rather than as a slower client (no coordinated omission). A mix of eth_blockNumber, eth_getBalance,
/// eth_getBlockByNumber and eth_sendRawTransaction over the shards' /rpc/SHARD endpoints.
/// <c>RpcLoad genesis [--accounts 64] [--shards 4]</c> prints the genesis section funding the senders.
/// <c>RpcLoad run --url http://127.0.0.1:9500 [--rate 500] [--seconds 60] [--warmup 10] [--send-share 0.05]</c>.
/// </summary>
internal static class Program
{
    private static readonly string[] Methods = ["eth_blockNumber", "eth_getBalance", "eth_getBlockByNumber", "eth_sendRawTransaction"];

    public static async Task<int> Main(string[] args)
    {
        var options = Options.Parse(args.Skip(1));
        var accounts = new BenchAccounts(options.Int("accounts", 64));
        var shards = options.Int("shards", 4);
        switch (args.FirstOrDefault())
        {
            case "genesis":
                Console.Write(accounts.Genesis(shards, 1_000_000));
                return 0;
            case "run":
                return await Run(options, accounts, shards);
            default:
                Console.Error.WriteLine("usage: RpcLoad genesis [--accounts 64] [--shards 4] | run --url URL [--rate 500] [--seconds 60] [--warmup 10] [--send-share 0.05]");
                return 2;
        }
    }

    private static async Task<int> Run(Options options, BenchAccounts accounts, int shards)
    {
        var url = options.Text("url", "http://127.0.0.1:9500").TrimEnd('/');
        var rate = options.Double("rate", 500);
        var seconds = options.Double("seconds", 60);
        var warmup = options.Double("warmup", 10);
        var sendShare = options.Double("send-share", 0.05);
        using var http = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = 2048,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            AutomaticDecompression = DecompressionMethods.None,
        }) { Timeout = TimeSpan.FromSeconds(30) };
        var random = new Random(16);
        var total = (long)((warmup + seconds) * rate);
        var warmCount = (long)(warmup * rate);
        var stats = new Stats(Methods);
        var inFlight = new List<Task>((int)Math.Min(total, 1_000_000));
        var period = Stopwatch.Frequency / rate;
        var clock = Stopwatch.StartNew();
        long maxLag = 0;
        var nextSender = new int[shards];
        for (long i = 0; i < total; i++)
        {
            var due = (long)(i * period);
            var wait = due - clock.ElapsedTicks;
            if (wait > Stopwatch.Frequency / 500) await Task.Delay(TimeSpan.FromSeconds((double)wait / Stopwatch.Frequency - 0.001));
            while (clock.ElapsedTicks < due) Thread.SpinWait(20);
            maxLag = Math.Max(maxLag, clock.ElapsedTicks - due);
            var shard = random.Next(shards);
            var pick = random.NextDouble();
            var method = pick < sendShare ? 3 : pick < sendShare + (1 - sendShare) * 0.4 ? 0 : pick < sendShare + (1 - sendShare) * 0.7 ? 1 : 2;
            string parameters;
            switch (method)
            {
                case 0: parameters = "[]"; break;
                case 1: parameters = $"[\"{accounts.AddressOf(random.Next(accounts.Count))}\",\"latest\"]"; break;
                case 2: parameters = "[\"latest\",false]"; break;
                default:
                    // Senders of this shard in turn: account shard, shard + shards, ...
                    var perShard = accounts.Count / shards;
                    var sender = shard + (nextSender[shard]++ % perShard) * shards;
                    parameters = $"[\"{accounts.NextTransfer(sender, shards)}\"]";
                    break;
            }
            var body = $"{{\"jsonrpc\":\"2.0\",\"id\":{i},\"method\":\"{Methods[method]}\",\"params\":{parameters}}}";
            inFlight.Add(Call(http, $"{url}/rpc/{shard}", body, method, due, clock, i >= warmCount ? stats : null));
        }
        var sendingEnded = clock.Elapsed;
        await Task.WhenAll(inFlight);
        var measuredSeconds = sendingEnded.TotalSeconds - warmup;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"target {rate:0} requests/s for {seconds:0} s after {warmup:0} s warm-up; scheduled {total - warmCount} measured requests in {measuredSeconds:0.00} s " +
            $"(offered {(total - warmCount) / measuredSeconds:0.0}/s, completed {stats.Completed / measuredSeconds:0.0}/s); generator's worst lag behind schedule {maxLag * 1000.0 / Stopwatch.Frequency:0.0} ms"));
        Console.WriteLine();
        stats.Print(Console.Out);
        return 0;
    }

    private static async Task Call(HttpClient http, string url, string body, int method, long due, Stopwatch clock, Stats? stats)
    {
        await Task.Yield();
        string? error = null;
        try
        {
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            using var response = await http.PostAsync(url, content);
            var text = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.OK) error = $"HTTP {(int)response.StatusCode}";
            else
            {
                using var doc = JsonDocument.Parse(text);
                if (doc.RootElement.TryGetProperty("error", out var e))
                    error = $"{e.GetProperty("code").GetInt32()} {Shorten(e.GetProperty("message").GetString())}";
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException)
        {
            error = e.GetType().Name;
        }
        stats?.Record(method, clock.ElapsedTicks - due, error);
    }

    private static string Shorten(string? text) => text is null ? "" : text.Length <= 60 ? text : text[..60];

    private sealed class Stats(string[] methods)
    {
        private readonly LongHistogram[] _byMethod = [.. methods.Select(_ => new LongHistogram(TimeStamp.Seconds(60), 3))];
        private readonly LongHistogram _reads = new(TimeStamp.Seconds(60), 3);
        private readonly LongHistogram _all = new(TimeStamp.Seconds(60), 3);
        private readonly Dictionary<string, int> _errors = [];
        private readonly object _gate = new();

        public long Completed { get; private set; }

        public void Record(int method, long ticks, string? error)
        {
            lock (_gate)
            {
                Completed++;
                if (error is not null)
                {
                    var key = $"{methods[method]}: {error}";
                    _errors[key] = _errors.GetValueOrDefault(key) + 1;
                    return;
                }
                var value = Math.Min(ticks, TimeStamp.Seconds(60));
                _byMethod[method].RecordValue(value);
                _all.RecordValue(value);
                if (methods[method] != "eth_sendRawTransaction") _reads.RecordValue(value);
            }
        }

        public void Print(TextWriter output)
        {
            output.WriteLine("| calls | count | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms |");
            output.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
            foreach (var (name, h) in methods.Select((m, i) => (m, _byMethod[i])).Append(("reads (all but sendRawTransaction)", _reads)).Append(("all", _all)))
            {
                if (h.TotalCount == 0) continue;
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {name} | {h.TotalCount} | {Ms(h, 50):0.0} | {Ms(h, 90):0.0} | {Ms(h, 99):0.0} | {Ms(h, 99.9):0.0} | {h.GetMaxValue() * 1000.0 / Stopwatch.Frequency:0.0} |"));
            }
            output.WriteLine();
            output.WriteLine(_errors.Count == 0 ? "errors: none" : "errors: " + string.Join("; ", _errors.OrderByDescending(e => e.Value).Select(e => $"{e.Value} × {e.Key}")));
        }

        private static double Ms(LongHistogram h, double percentile) => h.GetValueAtPercentile(percentile) * 1000.0 / Stopwatch.Frequency;
    }

    private sealed class Options(Dictionary<string, string> values)
    {
        public static Options Parse(IEnumerable<string> args)
        {
            var list = args.ToList();
            var values = new Dictionary<string, string>();
            for (var i = 0; i + 1 < list.Count; i += 2)
            {
                if (!list[i].StartsWith("--", StringComparison.Ordinal)) throw new ArgumentException($"expected --name value, got '{list[i]}'");
                values[list[i][2..]] = list[i + 1];
            }
            return new Options(values);
        }

        public string Text(string name, string fallback) => values.GetValueOrDefault(name, fallback);
        public int Int(string name, int fallback) => values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        public double Double(string name, double fallback) => values.TryGetValue(name, out var v) ? double.Parse(v, CultureInfo.InvariantCulture) : fallback;
    }
}
