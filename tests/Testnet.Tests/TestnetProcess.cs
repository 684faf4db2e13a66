using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

using HarmonySim.Cluster.Tests.Azurite;

namespace HarmonySim.Testnet.Tests;

/// <summary>
/// <c>harmonysim testnet CONFIG</c> as a real child process on a free port with its own data folder, and a small
/// JSON-RPC client for it: the endpoint, the signals and a restart only exist for a whole process.
/// </summary>
internal sealed partial class TestnetProcess : IDisposable
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(60) };
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();

    private TestnetProcess(Process process) => _process = process;

    public static string DeployConfig => Path.Combine(RepositoryRoot.Path, "deploy", "testnet.yaml");

    /// <summary>Starts the testnet and waits until it has printed its whole banner (the JSON-RPC address first, the journal line last).</summary>
    public static Task<TestnetProcess> Start(string config, string data, params string[] extra) => Start(config, data, new Dictionary<string, string>(), extra);

    /// <summary>Starts the testnet with extra environment variables (the cluster storage settings) and waits until it serves.</summary>
    public static async Task<TestnetProcess> Start(string config, string data, IReadOnlyDictionary<string, string> environment, params string[] extra)
    {
        var child = Launch(config, data, environment, extra);
        var guard = Stopwatch.StartNew();
        // The banner's lines arrive one by one through the output pump: waiting for the address alone lets a test read
        // the banner before its faucet and journal lines have come in.
        while (RpcAddress().Match(child.Output) is not { Success: true } || !child.Output.Contains("Ctrl-C stops.", StringComparison.Ordinal))
        {
            if (child._process.HasExited || guard.Elapsed > TimeSpan.FromMinutes(2))
                Assert.Fail($"harmonysim testnet did not start.\n{child.Output}\n{child.Error}");
            await Task.Delay(100);
        }
        child.Url = RpcAddress().Match(child.Output).Groups[1].Value;
        return child;
    }

    /// <summary>Runs a testnet that is expected not to start; returns its exit code and standard error.</summary>
    public static async Task<(int Code, string Error)> Refused(string config, string data, IReadOnlyDictionary<string, string> environment)
    {
        using var child = Launch(config, data, environment, []);
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await child._process.WaitForExitAsync(limit.Token);
        child._process.WaitForExit();
        return (child._process.ExitCode, child.Error);
    }

    private static TestnetProcess Launch(string config, string data, IReadOnlyDictionary<string, string> environment, string[] extra)
    {
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = data,
        };
        foreach (var a in (string[])[Path.Combine(AppContext.BaseDirectory, "harmonysim.dll"), "testnet", config, "--port", "0", "--data", data, .. extra])
            info.ArgumentList.Add(a);
        foreach (var (key, value) in environment) info.Environment[key] = value;
        var child = new TestnetProcess(new Process { StartInfo = info });
        child._process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (child._output) child._output.AppendLine(e.Data); };
        child._process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (child._error) child._error.AppendLine(e.Data); };
        child._process.Start();
        child._process.BeginOutputReadLine();
        child._process.BeginErrorReadLine();
        return child;
    }

    /// <summary>The base address, e.g. http://127.0.0.1:41234 (shard s at /rpc/s).</summary>
    public string Url { get; private set; } = "";

    public string Output { get { lock (_output) return _output.ToString(); } }

    public string Error { get { lock (_error) return _error.ToString(); } }

    /// <summary>Posts a raw body to a path and returns the status and the body.</summary>
    public async Task<(int Status, string Body)> Post(string path, string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await Http.PostAsync(Url + path, content);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Calls one method on a shard and returns its result; a JSON-RPC error fails the test.</summary>
    public async Task<JsonElement> Call(int shard, string method, params object[] parameters)
    {
        var (_, body) = await Post($"/rpc/{shard}", JsonSerializer.Serialize(new { jsonrpc = "2.0", id = 1, method, @params = parameters }));
        using var doc = JsonDocument.Parse(body);
        if (doc.RootElement.TryGetProperty("error", out var error)) Assert.Fail($"{method}: {error}");
        return doc.RootElement.GetProperty("result").Clone();
    }

    /// <summary>Waits for the process to end by itself; its exit code.</summary>
    public async Task<int> Exited(TimeSpan limit)
    {
        using var cancel = new CancellationTokenSource(limit);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"harmonysim testnet did not stop by itself within {limit}.\n{Output}\n{Error}");
        }
        _process.WaitForExit();
        return _process.ExitCode;
    }

    /// <summary>SIGINT (or the signal named, e.g. "TERM"), then the exit code.</summary>
    public async Task<int> Stop(string signal = "INT")
    {
        using (var kill = Process.Start("kill", ["-" + signal, _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) await kill.WaitForExitAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        try
        {
            await _process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            Assert.Fail($"harmonysim testnet did not stop within a minute of SIG{signal}.\n{Output}\n{Error}");
        }
        _process.WaitForExit();
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }

    [GeneratedRegex(@"JSON-RPC: (http://[0-9.:]+)/rpc/0")]
    private static partial Regex RpcAddress();
}
