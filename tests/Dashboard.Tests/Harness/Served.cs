using System.Text.RegularExpressions;
using HarmonySim.Silo.Tests.Commands;

namespace HarmonySim.Dashboard.Tests.Harness;

/// <summary>
/// A harmonysim process that serves a dashboard (<c>run … --dashboard=0</c> or <c>dashboard FOLDER --port 0</c>), with
/// the address it printed. A free port is picked by the process itself, so tests never collide.
/// </summary>
internal sealed partial class Served : IDisposable
{
    private Served(HarmonySimProcess process, Uri address)
    {
        Process = process;
        Address = address;
    }

    public HarmonySimProcess Process { get; }

    public Uri Address { get; }

    public static async Task<Served> Start(params string[] args)
    {
        var process = HarmonySimProcess.Start(args);
        var guard = DateTime.UtcNow + TimeSpan.FromMinutes(3);
        while (DateTime.UtcNow < guard)
        {
            if (Url().Match(process.Output) is { Success: true } m) return new Served(process, new Uri(m.Groups[1].Value));
            await Task.Delay(100);
        }
        var output = process.Output + process.Error;
        process.Dispose();
        throw new AssertFailedException($"harmonysim printed no dashboard address.\n{output}");
    }

    public static string TempFolder(string purpose)
    {
        var dir = Path.Combine(Path.GetTempPath(), $"harmonysim-{purpose}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        return dir;
    }

    public static string Scenario(string name) => Path.Combine(AppContext.BaseDirectory, "Scenarios", name + ".yaml");

    public void Dispose() => Process.Dispose();

    [GeneratedRegex(@"Dashboard: (http://[0-9.]+:[0-9]+)/?")]
    private static partial Regex Url();
}
