using System.Diagnostics;
using System.Text;

namespace HarmonySim.Cluster.Tests.Commands;

/// <summary>
/// <c>harmonysim silo</c> as a real child process (<c>dotnet harmonysim.dll</c> from the test's output folder, as
/// Silo.Tests starts <c>run</c>): signals, exit codes and a fresh process's configuration only exist for a whole process.
/// </summary>
internal sealed class SiloProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();
    private readonly string _directory;
    private readonly TaskCompletionSource _serving = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private SiloProcess(Process process, string directory)
    {
        _process = process;
        _directory = directory;
    }

    /// <summary>Starts <c>harmonysim silo ARGS</c> in an empty working directory (no stray appsettings.json) with extra environment variables.</summary>
    public static SiloProcess Start(IReadOnlyDictionary<string, string> environment, params string[] args) => StartCommand("silo", environment, args);

    /// <summary>Starts <c>harmonysim COMMAND ARGS</c> (run, runs: client commands) the same way.</summary>
    public static SiloProcess StartCommand(string command, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var directory = Path.Combine(Path.GetTempPath(), "harmonysim-silo-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = directory,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "harmonysim.dll"));
        info.ArgumentList.Add(command);
        foreach (var a in args) info.ArgumentList.Add(a);
        foreach (var (key, value) in environment) info.Environment[key] = value;
        var child = new SiloProcess(new Process { StartInfo = info }, directory);
        child._process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (child._output) child._output.AppendLine(e.Data);
            if (e.Data.Contains(" serving cluster ", StringComparison.Ordinal)) child._serving.TrySetResult();
        };
        child._process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (child._error) child._error.AppendLine(e.Data); };
        child._process.Start();
        child._process.BeginOutputReadLine();
        child._process.BeginErrorReadLine();
        return child;
    }

    public string Output { get { lock (_output) return _output.ToString(); } }

    public string Error { get { lock (_error) return _error.ToString(); } }

    /// <summary>Waits for the "serving cluster" line; false if the process ended (or a generous guard elapsed) first.</summary>
    public async Task<bool> WaitServing()
    {
        var done = await Task.WhenAny(_serving.Task, _process.WaitForExitAsync(), Task.Delay(TimeSpan.FromMinutes(2)));
        return done == _serving.Task;
    }

    /// <summary>Waits until the output contains <paramref name="text"/>; false if the process ended (or a generous guard elapsed) first.</summary>
    public async Task<bool> WaitForOutput(string text)
    {
        var guard = Stopwatch.StartNew();
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            if (_process.HasExited || guard.Elapsed > TimeSpan.FromMinutes(2)) return false;
            await Task.Delay(100);
        }
        return true;
    }

    /// <summary>Sends a signal by name (TERM, INT) with kill(1): Process.Kill can only send SIGKILL.</summary>
    public void Signal(string name)
    {
        using var kill = Process.Start("kill", ["-" + name, _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
        Assert.AreEqual(0, kill.ExitCode, $"kill -{name}");
    }

    /// <summary>kill -9: the process gets no chance to leave the cluster.</summary>
    public void Kill() => Signal("KILL");

    public bool HasExited => _process.HasExited;

    /// <summary>The exit code; a process still alive after the guard is killed and fails the test.</summary>
    public async Task<int> WaitForExit(TimeSpan guard)
    {
        using var limit = new CancellationTokenSource(guard);
        try
        {
            await _process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            Assert.Fail($"harmonysim silo did not exit within {guard.TotalSeconds:0} s.\n{Output}\n{Error}");
        }
        _process.WaitForExit(); // drains the redirected output
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}
