using System.Globalization;

namespace HarmonySim.Silo.Commands;

/// <summary>
/// An internal error's full stack trace goes to a file, so the terminal shows one line and a bug report has the
/// whole story.
/// </summary>
public static class ErrorLog
{
    /// <summary>Writes the log into <paramref name="directory"/> (or the temp folder if that fails) and returns its path, or null if nowhere worked.</summary>
    public static string? Write(string directory, Exception error)
    {
        var name = $"harmonysim-error-{DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}.log";
        foreach (var folder in new[] { directory, Path.GetTempPath() })
        {
            try
            {
                Directory.CreateDirectory(folder);
                var path = Path.Combine(folder, name);
                File.WriteAllText(path, error + Environment.NewLine);
                return Path.GetFullPath(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                // Try the next folder: an unwritable log location must not hide the original error.
            }
        }
        return null;
    }

    /// <summary>The one line printed on stderr for an internal error.</summary>
    public static string Line(Exception error, string? log) =>
        $"harmonysim: internal error: {error.GetType().Name}: {error.Message.ReplaceLineEndings(" ")}" +
        (log is null ? " (could not write the stack trace to a log file)" : $"; stack trace in {log}");
}
