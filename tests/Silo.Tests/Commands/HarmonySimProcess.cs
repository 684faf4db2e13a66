using System.Diagnostics;

namespace HarmonySim.Silo.Tests.Commands;

/// <summary>
/// <c>harmonysim</c> as a real child process (<c>dotnet harmonysim.dll</c> from the test's output folder): signals and
/// exit codes only exist for a whole process.
/// </summary>
internal sealed class HarmonySimProcess : IDisposable
{
    private readonly Process _process;
    private readonly TaskCompletionSource _progress = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly System.Text.StringBuilder _output = new();
    private readonly System.Text.StringBuilder _error = new();

    private HarmonySimProcess(Process process) => _process = process;

    public static HarmonySimProcess Start(params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "harmonysim.dll");
        // dotnet test names the host it runs under; outside it, the dotnet on PATH.
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        info.ArgumentList.Add(dll);
        foreach (var a in args) info.ArgumentList.Add(a);
        var child = new HarmonySimProcess(new Process { StartInfo = info });
        child._process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (child._output) child._output.AppendLine(e.Data);
            // A progress line (plain text when redirected) means the run is under way: the silos are up.
            if (e.Data.StartsWith("t=", StringComparison.Ordinal)) child._progress.TrySetResult();
        };
        child._process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (child._error) child._error.AppendLine(e.Data); };
        child._process.Start();
        child._process.BeginOutputReadLine();
        child._process.BeginErrorReadLine();
        return child;
    }

    public string Output { get { lock (_output) return _output.ToString(); } }

    public string Error { get { lock (_error) return _error.ToString(); } }

    /// <summary>Waits for the first progress line; false if the process ended (or a generous guard elapsed) first.</summary>
    public async Task<bool> WaitForProgress()
    {
        var done = await Task.WhenAny(_progress.Task, _process.WaitForExitAsync(), Task.Delay(TimeSpan.FromMinutes(2)));
        return done == _progress.Task;
    }

    /// <summary>Sends a signal by name (TERM, INT) with kill(1): Process.Kill can only send SIGKILL.</summary>
    public void Signal(string name)
    {
        using var kill = Process.Start("kill", ["-" + name, _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
        Assert.AreEqual(0, kill.ExitCode, $"kill -{name}");
    }

    /// <summary>The exit code; a process still alive after the guard is killed and fails the test (it would hang the suite).</summary>
    public async Task<int> WaitForExit()
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await _process.WaitForExitAsync(guard.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            Assert.Fail($"harmonysim did not exit.\n{Output}\n{Error}");
        }
        _process.WaitForExit(); // drains the redirected output
        return _process.ExitCode;
    }

    /// <summary>
    /// Whether this process ignores SIGINT (a shell starts background jobs so); a child inherits that, and then
    /// cannot see Ctrl-C at all, so a SIGINT test would measure the environment rather than harmonysim.
    /// </summary>
    public static bool SigIntIgnoredHere()
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        return line is not null && (Convert.ToUInt64(line["SigIgn:".Length..].Trim(), 16) & (1UL << (2 - 1))) != 0;
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }
}
