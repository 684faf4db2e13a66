using YamlDotNet.Core;

namespace HarmonySim.Silo.Scenarios;

/// <summary>
/// Turns YamlDotNet's syntax errors into <see cref="ScenarioError"/>s a user can act on: at the line that is wrong,
/// with any text the message quotes from the file cut short.
/// </summary>
internal static class YamlSyntaxErrors
{
    /// <summary>Longest message passed on from YamlDotNet; its own messages are well under this.</summary>
    private const int MaxMessageLength = 200;

    /// <summary>The error YamlDotNet reported at <paramref name="at"/> with <paramref name="reason"/>.</summary>
    public static ScenarioError Create(string file, string text, Mark at, string reason)
    {
        var (line, column) = (at.Line, at.Column);
        var message = $"not valid YAML: {Clean(reason)}";
        // YamlDotNet places a tab used for indentation at the start of the mapping it breaks (often 1:1) or at the end
        // of the line before; the user needs the line holding the tab.
        if (reason.Contains("tab", StringComparison.OrdinalIgnoreCase) && FindIndentingTab(text, at.Line) is { } tab)
        {
            (line, column) = tab;
            message += " Indent with spaces, not tabs.";
        }
        return new ScenarioError(file, (int)Math.Clamp(line, 1, int.MaxValue), (int)Math.Clamp(column, 1, int.MaxValue), "yaml", message);
    }

    /// <summary>
    /// YamlDotNet quotes parts of the file in some messages (a duplicate key, an unknown anchor, what it expected and
    /// got); each long word is cut like any echoed value and the whole message is kept short.
    /// </summary>
    public static string Clean(string message)
    {
        var words = message.ReplaceLineEndings(" ").Split(' ').Select(ScenarioValues.Echo);
        var cleaned = string.Join(' ', words);
        return cleaned.Length <= MaxMessageLength ? cleaned : cleaned[..MaxMessageLength] + "…";
    }

    /// <summary>
    /// Line and column (from 1) of the first tab in the leading whitespace of a line, looking from
    /// <paramref name="fromLine"/> onwards first and then from the top; null if no line is indented with a tab.
    /// </summary>
    private static (long Line, long Column)? FindIndentingTab(string text, long fromLine)
    {
        var lines = text.Split('\n');
        var start = (int)Math.Clamp(fromLine - 1, 0, lines.Length);
        foreach (var i in Enumerable.Range(start, lines.Length - start).Concat(Enumerable.Range(0, start)))
        {
            var line = lines[i];
            for (var c = 0; c < line.Length && line[c] is ' ' or '\t'; c++)
                if (line[c] == '\t') return (i + 1, c + 1);
        }
        return null;
    }
}
