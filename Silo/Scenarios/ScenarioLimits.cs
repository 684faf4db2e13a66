using System.Globalization;

namespace HarmonySim.Silo.Scenarios;

/// <summary>
/// Limits on the size and shape of a scenario file (docs/SCENARIOS.md "Limits"). They bound the work and memory of
/// loading any file, however hostile, to well under a second: without them a deeply nested file overflows the stack
/// of YamlDotNet's recursive representation model and a few hundred bytes of nested aliases stand for billions of
/// nodes. Each is far above what a real scenario needs (the largest bundled one is 4 KB, the deepest 6 levels, the most nodes 235;
/// a test keeps the bundled ones far below).
/// </summary>
public static class ScenarioLimits
{
    /// <summary>Largest scenario file, in bytes (UTF-8): 1 MiB.</summary>
    public const int MaxFileBytes = 1 << 20;

    /// <summary>Deepest nesting of lists and mappings (the top-level mapping is depth 1).</summary>
    public const int MaxDepth = 32;

    /// <summary>
    /// Most YAML nodes (values, lists, mappings) a file may stand for, each alias counted as the nodes it repeats, so
    /// this bounds both the file as written and what its aliases expand to. Parsing this many takes YamlDotNet a few
    /// hundred milliseconds on a busy machine, which keeps a refusal at the limit well under a second.
    /// </summary>
    public const int MaxNodes = 50_000;

    /// <summary>A byte count exactly and as people read it: "512 bytes", "2,097,152 bytes (2 MiB)".</summary>
    public static string Bytes(long bytes)
    {
        var exact = string.Create(CultureInfo.InvariantCulture, $"{bytes:N0} bytes");
        return bytes switch
        {
            < 1024 => exact,
            < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{exact} ({bytes / 1024.0:0.#} KiB)"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{exact} ({bytes / (1024.0 * 1024):0.##} MiB)"),
        };
    }
}
