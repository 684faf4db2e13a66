namespace HarmonySim.Silo.Scenarios;

/// <summary>Finds the bundled <c>scenarios/</c> folder and scenario files named on the command line.</summary>
public static class ScenarioFolder
{
    public const string FolderName = "scenarios";
    public const string SolutionFile = "HarmonySim.slnx";

    /// <summary>
    /// <c>scenarios/</c> under <paramref name="currentDirectory"/> if it exists, else under the repository root found by
    /// walking up from <paramref name="currentDirectory"/> to a folder holding <c>HarmonySim.slnx</c>; null if neither.
    /// </summary>
    public static string? Find(string? currentDirectory = null)
    {
        var start = currentDirectory ?? Directory.GetCurrentDirectory();
        var direct = Path.Combine(start, FolderName);
        if (Directory.Exists(direct)) return direct;
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFile)))
            {
                var candidate = Path.Combine(dir.FullName, FolderName);
                return Directory.Exists(candidate) ? candidate : null;
            }
        }
        return null;
    }

    /// <summary>The bundled scenario files (<c>*.yaml</c>, <c>*.yml</c>), sorted by name; empty when there is no folder.</summary>
    public static IReadOnlyList<string> Bundled(string? currentDirectory = null) =>
        Find(currentDirectory) is { } folder
            ? Directory.EnumerateFiles(folder).Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal).ToList()
            : [];

    /// <summary>
    /// The file a command-line argument names: the path itself if it exists; otherwise, for a bare name such as
    /// <c>quickstart</c> or <c>quickstart.yaml</c>, that file in the bundled folder (as a path relative to the current directory); otherwise the path as given
    /// (the loader then reports that it cannot be read).
    /// </summary>
    public static string Resolve(string argument, string? currentDirectory = null)
    {
        if (File.Exists(argument)) return argument;
        if (argument.Contains('/', StringComparison.Ordinal) || argument.Contains('\\', StringComparison.Ordinal)) return argument;
        if (Find(currentDirectory) is { } folder)
            foreach (var candidate in new[] { argument, argument + ".yaml", argument + ".yml" })
                if (File.Exists(Path.Combine(folder, candidate)))
                    return Path.GetRelativePath(currentDirectory ?? Directory.GetCurrentDirectory(), Path.Combine(folder, candidate));
        return argument;
    }
}
