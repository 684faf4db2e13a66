using System.Diagnostics;
using HarmonySim.Silo.Commands;

namespace HarmonySim.Silo.Tests.Scenarios;

/// <summary>What one in-process <c>harmonysim validate</c> did, and what it cost.</summary>
internal sealed record ValidateOutcome(string Path, int Exit, string Output, string Error, TimeSpan Elapsed, long AllocatedBytes)
{
    /// <summary>The <c>file:line:column: field: message</c> lines on stderr (without the closing count).</summary>
    public IReadOnlyList<string> ErrorLines { get; } =
        Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).Where(l => l.StartsWith(Path + ":", StringComparison.Ordinal) && !l.EndsWith("the scenario is not valid.", StringComparison.Ordinal)).ToList();
}

/// <summary>
/// Runs <c>harmonysim validate FILE</c> in-process on scenario text written to a temporary file, through the same
/// <see cref="HarmonySimCommand.Run"/> the command line uses (so an exception would surface as exit 3, as it would
/// for a user), measuring the wall time and the bytes the call allocated.
/// </summary>
internal sealed class ValidateProbe : IDisposable
{
    // In memory (tmpfs) where there is one, so the fuzz test's ten thousand files never wait on a disk.
    private readonly string folder = Directory.Exists("/dev/shm")
        ? Directory.CreateDirectory(System.IO.Path.Combine("/dev/shm", $"harmonysim-validate-{Guid.NewGuid():N}")).FullName
        : Directory.CreateTempSubdirectory("harmonysim-validate-").FullName;
    private int cases;

    public ValidateOutcome Run(string text)
    {
        // A new file each time: on a disk, rewriting one file in place makes ext4 flush it on close.
        var path = System.IO.Path.Combine(folder, $"case-{++cases}.yaml");
        // An encoder that replaces a lone surrogate (one of the fuzz fragments) as an editor would, instead of throwing.
        File.WriteAllText(path, text, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        try
        {
            return RunOnFile(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    public static ValidateOutcome RunOnFile(string path)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        var exit = HarmonySimCommand.Run(["validate", path], output, error);
        clock.Stop();
        return new(path, exit, output.ToString(), error.ToString(), clock.Elapsed, GC.GetAllocatedBytesForCurrentThread() - allocatedBefore);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
