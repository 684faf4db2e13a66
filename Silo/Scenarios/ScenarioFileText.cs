using System.Text;

namespace HarmonySim.Silo.Scenarios;

/// <summary>Reads a scenario file's text, refusing one larger than <see cref="ScenarioLimits.MaxFileBytes"/>.</summary>
internal static class ScenarioFileText
{
    /// <summary>
    /// The text of the file at <paramref name="path"/>, or null and the reason it is too large. At most one byte more
    /// than the limit is read, so a huge file, one that keeps growing or a device that never ends (/dev/zero) is
    /// refused at once instead of filling memory. I/O errors propagate to the caller.
    /// </summary>
    public static string? Read(string path, out string? tooLarge)
    {
        tooLarge = null;
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        // A device or pipe reports no length; such files are measured by reading.
        var length = file.CanSeek ? file.Length : 0;
        if (length > ScenarioLimits.MaxFileBytes)
        {
            tooLarge = TooLarge($"is {ScenarioLimits.Bytes(length)}");
            return null;
        }
        var bytes = new MemoryStream();
        var buffer = new byte[64 * 1024];
        int read;
        while (bytes.Length <= ScenarioLimits.MaxFileBytes && (read = file.Read(buffer, 0, buffer.Length)) > 0)
            bytes.Write(buffer, 0, read);
        if (bytes.Length > ScenarioLimits.MaxFileBytes)
        {
            tooLarge = TooLarge($"is larger than {ScenarioLimits.Bytes(ScenarioLimits.MaxFileBytes)}");
            return null;
        }
        bytes.Position = 0;
        // As File.ReadAllText: UTF-8 unless a byte order mark says otherwise.
        using var reader = new StreamReader(bytes, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    /// <summary>The refusal of text (or a file) of <paramref name="size"/>, e.g. "is 2 MiB".</summary>
    public static string TooLarge(string size) =>
        $"the file {size}; scenario files are limited to {ScenarioLimits.Bytes(ScenarioLimits.MaxFileBytes)} (docs/SCENARIOS.md, Limits)";
}
