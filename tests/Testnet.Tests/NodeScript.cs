using System.Diagnostics;

using HarmonySim.Cluster.Tests.Azurite;

namespace HarmonySim.Testnet.Tests;

/// <summary>Runs a node script with the npm packages installed under .tools/TOOL (install-TOOL.sh) on its module path.</summary>
internal static class NodeScript
{
    /// <summary>Why node or the tool's package is missing (the test is then inconclusive), or null.</summary>
    public static string? MissingReason(string tool, string package)
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Any(dir => dir.Length > 0 && File.Exists(Path.Combine(dir, "node")));
        if (!onPath) return "node is not on PATH: the wallet tests need it";
        if (!File.Exists(Path.Combine(Modules(tool), package, "package.json")))
        {
            using var install = Process.Start(Path.Combine(RepositoryRoot.Path, "tests", "Testnet.Tests", $"install-{tool}.sh"))!;
            install.WaitForExit();
        }
        return File.Exists(Path.Combine(Modules(tool), package, "package.json")) ? null : $"{package} is not installed in .tools/{tool} (npm missing?)";
    }

    /// <summary>Runs the script file with arguments; returns exit code, stdout and stderr.</summary>
    public static async Task<(int Code, string Output, string Error)> Run(string tool, string script, params string[] args)
    {
        var info = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(script);
        foreach (var a in args) info.ArgumentList.Add(a);
        info.Environment["NODE_PATH"] = Modules(tool);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return (-1, await output, await error + "\n(the script did not finish within 3 minutes)");
        }
        return (process.ExitCode, await output, await error);
    }

    private static string Modules(string tool) => Path.Combine(RepositoryRoot.Path, ".tools", tool, "node_modules");
}
