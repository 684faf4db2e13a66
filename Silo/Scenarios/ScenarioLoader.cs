using System.Collections.Immutable;
using HarmonySim.Grains.Interfaces.Scenarios;
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
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            var reason = e is FileNotFoundException or DirectoryNotFoundException ? "no such file" : e.Message;
            return new(null, [new ScenarioError(path, 1, 1, "file", $"cannot read the scenario file: {reason}")]);
        }
        return Parse(text, path);
    }

    /// <summary>Validates scenario text; <paramref name="fileName"/> is used in errors and for the default name.</summary>
    public static ScenarioLoadResult Parse(string text, string fileName)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            var message = e.InnerException is { } inner && !string.IsNullOrEmpty(inner.Message) ? $"{e.Message} ({inner.Message})" : e.Message;
            return new(null, [new ScenarioError(fileName, (int)e.Start.Line, (int)e.Start.Column, "yaml", $"not valid YAML: {message}")]);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            // Defensive: the representation model reports some structural problems (e.g. duplicate keys) this way.
            return new(null, [new ScenarioError(fileName, 1, 1, "yaml", $"not valid YAML: {e.Message}")]);
        }
        if (stream.Documents.Count != 1)
        {
            var message = stream.Documents.Count == 0 ? "the file is empty; a scenario is a YAML mapping" : $"the file holds {stream.Documents.Count} YAML documents; a scenario is exactly one";
            var at = stream.Documents.Count > 1 ? stream.Documents[1].RootNode.Start : Mark.Empty;
            return new(null, [new ScenarioError(fileName, Math.Max(1, (int)at.Line), Math.Max(1, (int)at.Column), "yaml", message)]);
        }
        var reader = new ScenarioReader(fileName);
        var scenario = reader.Read(stream.Documents[0].RootNode);
        return reader.Errors.Count == 0 && scenario is not null
            ? new(scenario, [])
            : new(null, [.. reader.Errors.OrderBy(e => e.Line).ThenBy(e => e.Column)]);
    }
}
