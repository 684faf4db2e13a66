namespace HarmonySim.Testnet.Tests;

/// <summary>The repository's root folder (where HarmonySim.slnx is), found upwards from the test's output folder.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "HarmonySim.slnx"))) return dir.FullName;
        throw new InvalidOperationException($"no HarmonySim.slnx above {AppContext.BaseDirectory}");
    }
}
