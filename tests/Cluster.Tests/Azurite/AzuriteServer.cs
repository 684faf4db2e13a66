using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace HarmonySim.Cluster.Tests.Azurite;

/// <summary>
/// One Azurite process (the npm package installed by install-azurite.sh into .tools/azurite) listening on free
/// loopback ports with an in-memory store, so tests never meet a developer's own Azurite or leave files behind.
/// </summary>
internal sealed class AzuriteServer : IDisposable
{
    /// <summary>Azurite's well-known development account: public, documented, the same in every emulator.</summary>
    private const string Account = "devstoreaccount1";
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private AzuriteServer(Process process, int blobPort, int queuePort, int tablePort)
    {
        _process = process;
        BlobPort = blobPort;
        QueuePort = queuePort;
        TablePort = tablePort;
    }

    public int BlobPort { get; }
    public int QueuePort { get; }
    public int TablePort { get; }

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={Account};AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/{Account};QueueEndpoint=http://127.0.0.1:{QueuePort}/{Account};TableEndpoint=http://127.0.0.1:{TablePort}/{Account};";

    /// <summary>A connection string of the same shape pointing at ports where nothing listens.</summary>
    public static string UnreachableConnectionString()
    {
        var port = FreePort();
        return $"DefaultEndpointsProtocol=http;AccountName={Account};AccountKey={AccountKey};" +
               $"BlobEndpoint=http://127.0.0.1:{port}/{Account};TableEndpoint=http://127.0.0.1:{port}/{Account};";
    }

    private static string Executable => Path.Combine(RepositoryRoot.Path, ".tools", "azurite", "node_modules", ".bin", "azurite");

    /// <summary>Why Azurite cannot run here (node or npm missing), or null.</summary>
    public static string? MissingReason()
    {
        foreach (var tool in new[] { "node", "npm" })
        {
            var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
                .Any(dir => dir.Length > 0 && File.Exists(Path.Combine(dir, tool)));
            if (!onPath) return $"{tool} is not on PATH: Azurite (npm package) cannot run, so the Azure Storage tests are skipped";
        }
        return null;
    }

    /// <summary>Installs Azurite if install-azurite.sh has not (a run of this project alone), then starts it.</summary>
    public static Task<AzuriteServer> StartAsync() => StartAsync(null, FreePort(), FreePort(), FreePort());

    /// <summary>An Azurite that keeps its data in <paramref name="location"/>, so it can be stopped and started again with it.</summary>
    public static Task<AzuriteServer> StartOnDisk(string location) => StartAsync(location, FreePort(), FreePort(), FreePort());

    /// <summary>A new Azurite process on this one's ports and folder (after <see cref="Dispose"/>): storage that went away and came back.</summary>
    public Task<AzuriteServer> Restart() => StartAsync(_location, BlobPort, QueuePort, TablePort);

    private string? _location;

    private static async Task<AzuriteServer> StartAsync(string? location, int blob, int queue, int table)
    {
        if (!File.Exists(Executable)) Install();
        var info = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var a in new[]
                 {
                     "--silent", "--skipApiVersionCheck",
                     "--blobHost", "127.0.0.1", "--blobPort", $"{blob}",
                     "--queueHost", "127.0.0.1", "--queuePort", $"{queue}",
                     "--tableHost", "127.0.0.1", "--tablePort", $"{table}",
                 })
            info.ArgumentList.Add(a);
        if (location is null) info.ArgumentList.Add("--inMemoryPersistence");
        else
        {
            info.ArgumentList.Add("--location");
            info.ArgumentList.Add(location);
        }
        var server = new AzuriteServer(new Process { StartInfo = info }, blob, queue, table) { _location = location };
        server._process.OutputDataReceived += (_, e) => server.Append(e.Data);
        server._process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        server._process.Start();
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();
        try
        {
            await server.WaitListening(TimeSpan.FromSeconds(60));
        }
        catch
        {
            server.Dispose();
            throw;
        }
        return server;
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_log) _log.AppendLine(line);
    }

    public string Log { get { lock (_log) return _log.ToString(); } }

    private async Task WaitListening(TimeSpan limit)
    {
        var deadline = Stopwatch.StartNew();
        foreach (var port in new[] { BlobPort, TablePort })
        {
            while (true)
            {
                if (_process.HasExited) throw new InvalidOperationException($"Azurite exited with {_process.ExitCode}:\n{Log}");
                using var probe = new TcpClient();
                try
                {
                    await probe.ConnectAsync(IPAddress.Loopback, port);
                    break;
                }
                catch (SocketException) when (deadline.Elapsed < limit)
                {
                    await Task.Delay(100);
                }
            }
        }
    }

    private static void Install()
    {
        var script = Path.Combine(RepositoryRoot.Path, "tests", "Cluster.Tests", "install-azurite.sh");
        using var install = Process.Start(new ProcessStartInfo("bash", [script]) { UseShellExecute = false })!;
        if (!install.WaitForExit(TimeSpan.FromMinutes(5))) install.Kill(entireProcessTree: true);
        if (!install.HasExited || install.ExitCode != 0 || !File.Exists(Executable))
            throw new InvalidOperationException($"could not install Azurite with {script} (exit {(install.HasExited ? install.ExitCode : -1)})");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// Stops Azurite as a service is stopped (SIGTERM), so it saves what it acknowledged to its folder, as Azure
    /// storage keeps every acknowledged write; SIGKILL would lose Azurite's own unsaved metadata, an emulator artefact.
    /// </summary>
    public async Task Stop()
    {
        if (_process.HasExited) return;
        using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) await term.WaitForExitAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            await _process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            Dispose();
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(TimeSpan.FromSeconds(10));
        }
        _process.Dispose();
    }
}
