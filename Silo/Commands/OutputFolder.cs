namespace HarmonySim.Silo.Commands;

/// <summary>
/// Creates the <c>--out</c> folder and proves it writable before a run starts: finding out after an hour-long run
/// that its results cannot be written would lose them.
/// </summary>
public static class OutputFolder
{
    /// <summary>Null when <paramref name="root"/> is (now) a writable folder, else why not.</summary>
    public static string? Prepare(string root)
    {
        try
        {
            Directory.CreateDirectory(root);
            var probe = Path.Combine(root, $".harmonysim-write-test-{Guid.NewGuid():N}");
            File.WriteAllText(probe, "");
            File.Delete(probe);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            return e.Message;
        }
    }
}
