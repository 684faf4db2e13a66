using System.Collections.Immutable;
using System.Text;
using HarmonySim.Silo.Scenarios.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace HarmonySim.Silo.Scenarios;

/// <summary>One problem in a scenario file, located at the YAML node it concerns (line and column from 1).</summary>
public sealed record ScenarioError(string File, int Line, int Column, string Field, string Message)
{
    /// <summary><c>file:line:column: field.path: message</c>.</summary>
    public override string ToString() => $"{File}:{Line}:{Column}: {Field}: {Message}";
}

/// <summary>Either a valid <see cref="Scenario"/> or every error found in the file.</summary>
public sealed record ScenarioLoadResult(Scenario? Scenario, ImmutableArray<ScenarioError> Errors)
{
    public bool IsValid => Scenario is not null;

    /// <summary>Settings of a valid scenario that probably do not do what was meant; printed, never fatal.</summary>
    public ImmutableArray<ScenarioWarning> Warnings { get; init; } = [];
}

/// <summary>
/// Loads and validates scenario files (docs/SCENARIOS.md). Never throws on bad input: an unreadable file, a YAML
/// syntax error and every validation failure come back as <see cref="ScenarioError"/>s, all of them at once.
/// </summary>
public static class ScenarioLoader
{
    /// <summary>Reads and validates the file at <paramref name="path"/>; errors name the path as given.</summary>
    public static ScenarioLoadResult LoadFile(string path)
    {
        string? text;
        string? tooLarge;
        // Reading a directory fails as "access denied", which would send a user hunting for a permissions problem.
        if (Directory.Exists(path)) return new(null, [new ScenarioError(path, 1, 1, "file", "cannot read the scenario file: it is a directory, not a file")]);
        try
        {
            text = ScenarioFileText.Read(path, out tooLarge);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            var reason = e is FileNotFoundException or DirectoryNotFoundException ? "no such file" : e.Message;
            return new(null, [new ScenarioError(path, 1, 1, "file", $"cannot read the scenario file: {reason}")]);
        }
        return text is null ? new(null, [new ScenarioError(path, 1, 1, "file", tooLarge!)]) : Parse(text, path);
    }

    /// <summary>Validates scenario text; <paramref name="fileName"/> is used in errors and for the default name.</summary>
    public static ScenarioLoadResult Parse(string text, string fileName)
    {
        var bytes = Encoding.UTF8.GetByteCount(text);
        if (bytes > ScenarioLimits.MaxFileBytes)
            return new(null, [new ScenarioError(fileName, 1, 1, "file", ScenarioFileText.TooLarge($"is {ScenarioLimits.Bytes(bytes)}"))]);
        var stream = new YamlStream();
        try
        {
            // The guard refuses a file past the limits before the representation model recurses into or hashes it.
            stream.Load(new YamlLimitGuard(new Parser(new StringReader(text))));
        }
        catch (YamlLimitExceededException e)
        {
            return new(null, [new ScenarioError(fileName, Math.Max(1, (int)e.At.Line), Math.Max(1, (int)e.At.Column), "yaml", e.Message)]);
        }
        catch (YamlException e)
        {
            var message = e.InnerException is { } inner && !string.IsNullOrEmpty(inner.Message) ? $"{e.Message} ({inner.Message})" : e.Message;
            return new(null, [YamlSyntaxErrors.Create(fileName, text, e.Start, message)]);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            // The representation model reports some malformed streams this way, without a position; find it by
            // replaying the raw event stream.
            var (mark, reason) = LocateSyntaxError(text);
            return new(null, [YamlSyntaxErrors.Create(fileName, text, mark, reason ?? e.Message)]);
        }
        if (stream.Documents.Count != 1)
        {
            var message = stream.Documents.Count == 0 ? "the file is empty; a scenario is a YAML mapping" : $"the file holds {stream.Documents.Count} YAML documents; a scenario is exactly one";
            var at = stream.Documents.Count > 1 ? stream.Documents[1].RootNode.Start : Mark.Empty;
            return new(null, [new ScenarioError(fileName, Math.Max(1, (int)at.Line), Math.Max(1, (int)at.Column), "yaml", message)]);
        }
        var reader = new ScenarioReader(fileName);
        var scenario = reader.Read(stream.Documents[0].RootNode);
        if (reader.Errors.Count == 0)
            return scenario is not null
                ? new(scenario, []) { Warnings = [.. reader.Warnings] }
                : new(null, [new ScenarioError(fileName, 1, 1, "(top)", "the scenario could not be read, but no specific error was found (a loader bug; please report it)")]);
        return new(null, [.. reader.Errors.OrderBy(e => e.Line).ThenBy(e => e.Column)]);
    }

    /// <summary>
    /// The position of the first parser error; when the scanner fails without one (YamlDotNet throws
    /// InvalidOperationException for e.g. an unclosed <c>[</c> at the end of the file), the innermost open flow list
    /// or mapping, else the last event read.
    /// </summary>
    private static (Mark Mark, string? Reason) LocateSyntaxError(string text)
    {
        var parser = new Parser(new StringReader(text));
        var last = Mark.Empty;
        var open = new Stack<(Mark Start, bool Flow, string What)>();
        try
        {
            while (parser.MoveNext())
            {
                var current = parser.Current!;
                last = current.Start;
                switch (current)
                {
                    case YamlDotNet.Core.Events.SequenceStart seq: open.Push((seq.Start, seq.Style == YamlDotNet.Core.Events.SequenceStyle.Flow, "list")); break;
                    case YamlDotNet.Core.Events.MappingStart map: open.Push((map.Start, map.Style == YamlDotNet.Core.Events.MappingStyle.Flow, "mapping")); break;
                    case YamlDotNet.Core.Events.SequenceEnd or YamlDotNet.Core.Events.MappingEnd: if (open.Count > 0) open.Pop(); break;
                }
            }
        }
        catch (YamlException e)
        {
            return (e.Start, e.Message);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            foreach (var (start, flow, what) in open)
                if (flow) return (start, $"the {what} opened here ('{(what == "list" ? '[' : '{')}') is not closed");
            return (last, null);
        }
        return (last, null);
    }
}
