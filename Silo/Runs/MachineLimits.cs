namespace HarmonySim.Silo.Runs;

/// <summary>
/// What this machine can give a run: memory available to the process, free space on the drive the run folder goes
/// to (null when it cannot be read), and the longest wall time a run may take without <c>--force</c>.
/// </summary>
public sealed record MachineLimits(double MemoryBytes, double? FreeDiskBytes, TimeSpan WallCeiling)
{
    /// <summary>
    /// A week: a run estimated to take longer is almost always a mistake in its duration (a scenario written in
    /// hours that was meant in minutes); one that really needs it is run with --force, and Ctrl-C still stops it
    /// with its run folder written.
    /// </summary>
    public static readonly TimeSpan DefaultWallCeiling = TimeSpan.FromDays(7);

    /// <summary>Reads the limits for a run whose folder goes under <paramref name="outputFolder"/> (which exists).</summary>
    public static MachineLimits Read(string outputFolder) =>
        // TotalAvailableMemoryBytes honours a container's memory limit as well as the machine's physical memory.
        new(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes, FreeDisk(outputFolder), DefaultWallCeiling);

    /// <summary>Free space for this user on the drive holding <paramref name="folder"/>: the mount with the longest matching root.</summary>
    public static double? FreeDisk(string folder)
    {
        try
        {
            var full = Path.GetFullPath(folder);
            var drive = DriveInfo.GetDrives()
                .Where(d => d.IsReady && IsUnder(full, d.RootDirectory.FullName))
                .MaxBy(d => d.RootDirectory.FullName.Length);
            return drive?.AvailableFreeSpace;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            // Unknown free space is not a reason to refuse a run; the disk check is skipped.
            return null;
        }
    }

    private static bool IsUnder(string path, string root)
    {
        var comparison = OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        var withSeparator = Path.EndsInDirectorySeparator(root) ? root : root + Path.DirectorySeparatorChar;
        return string.Equals(path, root.TrimEnd(Path.DirectorySeparatorChar), comparison) && root.Length > 0
            || path.StartsWith(withSeparator, comparison);
    }
}
