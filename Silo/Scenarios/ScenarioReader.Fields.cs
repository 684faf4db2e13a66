using YamlDotNet.RepresentationModel;

namespace HarmonySim.Silo.Scenarios;

internal sealed partial class ScenarioReader
{
    /// <summary>A mapping whose keys have been checked against <see cref="ScenarioFields"/> for its section.</summary>
    private sealed class Fields(YamlMappingNode node, string path, string section, Dictionary<string, YamlNode> values)
    {
        public YamlMappingNode Node { get; } = node;

        /// <summary>Path of this mapping in errors, e.g. <c>cohorts[2]</c>.</summary>
        public string Path { get; } = path;

        /// <summary>Section in <see cref="ScenarioFields.Sections"/>, e.g. <c>cohorts[]</c>.</summary>
        public string Section { get; } = section;

        public string PathOf(string key) => Path.Length == 0 ? key : $"{Path}.{key}";

        /// <summary>The value under <paramref name="key"/>, or null when absent. Keys outside the section's list are a bug.</summary>
        public YamlNode? Value(string key)
        {
            if (!ScenarioFields.Sections[Section].Contains(key))
                throw new InvalidOperationException($"the scenario reader reads '{key}' in section '{Section}', which ScenarioFields does not list");
            return values.GetValueOrDefault(key);
        }

        public bool Has(string key) => Value(key) is not null;
    }

    private Fields? Map(YamlNode node, string path, string section)
    {
        if (node is not YamlMappingNode mapping)
            return Fail<Fields>(node, path, $"expected a mapping (field: value lines), got {Describe(node)}");
        var known = ScenarioFields.Sections[section];
        var values = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in mapping.Children)
        {
            var key = keyNode is YamlScalarNode { Value: { } k } ? k : null;
            var keyPath = key is null ? path : path.Length == 0 ? Echo(key) : $"{path}.{Echo(key)}";
            if (key is null) Error(keyNode, path, $"expected a field name, got {Describe(keyNode)}");
            else if (!known.Contains(key)) Error(keyNode, keyPath, $"unknown field '{Echo(key)}'{Suggest(key, known)}; {Where(path)} accepts {string.Join(", ", known)}");
            else if (!values.TryAdd(key, value)) Error(keyNode, keyPath, "is given twice");
        }
        return new Fields(mapping, path, section, values);
    }

    private static string Where(string path) => path.Length == 0 ? "the top level" : path;

    private YamlSequenceNode? List(Fields m, string key, bool required = false)
    {
        var node = m.Value(key);
        if (node is null)
        {
            if (required) Error(m.Node, m.PathOf(key), "is required");
            return null;
        }
        return node as YamlSequenceNode ?? Fail<YamlSequenceNode>(node, m.PathOf(key), $"expected a list, got {Describe(node)}");
    }

    /// <summary>The text of a scalar node, or null with an error for a mapping, a list or an empty value.</summary>
    private string? Scalar(YamlNode node, string path, string expected)
    {
        if (node is YamlScalarNode s && !IsNull(s)) return s.Value!;
        return Fail<string>(node, path, $"expected {expected}, got {Describe(node)}");
    }

    private string? Read(Fields m, string key, bool required, string expected, out YamlNode? node)
    {
        node = m.Value(key);
        if (node is null)
        {
            if (required) Error(m.Node, m.PathOf(key), $"is required ({expected})");
            return null;
        }
        return Scalar(node, m.PathOf(key), expected);
    }

    private string? Text(Fields m, string key, bool required = false)
    {
        var text = Read(m, key, required, "text", out var node);
        if (text is null) return null;
        return text.Trim() is { Length: > 0 } trimmed ? trimmed : Fail<string>(node!, m.PathOf(key), "must not be empty");
    }

    private long? Int(Fields m, string key, long min, long max, bool required = false, string? rangeNote = null)
    {
        var text = Read(m, key, required, "a whole number", out var node);
        if (text is null) return null;
        if (ScenarioValues.TryParseInteger(text, out var value) is { } problem) return Fail<long?>(node!, m.PathOf(key), problem);
        if (value < min || value > max) return Fail<long?>(node!, m.PathOf(key), $"must be {rangeNote ?? $"between {min} and {max}"}, got {value}");
        return value;
    }

    private TimeSpan? Time(Fields m, string key, TimeSpan min, TimeSpan max, bool required = false)
    {
        var text = Read(m, key, required, "a duration such as 2s or 500ms", out var node);
        if (text is null) return null;
        if (ScenarioValues.TryParseDuration(text, out var value) is { } problem) return Fail<TimeSpan?>(node!, m.PathOf(key), problem);
        if (value < min || value > max)
            return Fail<TimeSpan?>(node!, m.PathOf(key), $"must be between {Format(min)} and {Format(max)}, got {text}");
        return value;
    }

    private static string Format(TimeSpan t) =>
        t == TimeSpan.Zero ? "0s"
        : t.Ticks % TimeSpan.TicksPerHour == 0 ? $"{(long)t.TotalHours}h"
        : t.Ticks % TimeSpan.TicksPerMinute == 0 ? $"{(long)t.TotalMinutes}m"
        : t.Ticks % TimeSpan.TicksPerSecond == 0 ? $"{(long)t.TotalSeconds}s"
        : Invariant($"{t.TotalMilliseconds:0.####}ms");

    private decimal? Share(Fields m, string key)
    {
        var text = Read(m, key, false, "a share such as 68% or 0.68", out var node);
        if (text is null) return null;
        return ScenarioValues.TryParseShare(text, out var value) is { } problem ? Fail<decimal?>(node!, m.PathOf(key), problem) : value;
    }

    private decimal? Amount(Fields m, string key, bool required = false)
    {
        var text = Read(m, key, required, "an amount of ONE", out var node);
        if (text is null) return null;
        return ScenarioValues.TryParseAmount(text, out var value) is { } problem ? Fail<decimal?>(node!, m.PathOf(key), problem) : value;
    }

    private bool? Bool(Fields m, string key)
    {
        var text = Read(m, key, false, "true or false", out var node);
        return text switch
        {
            null => null,
            "true" => true,
            "false" => false,
            _ => Fail<bool?>(node!, m.PathOf(key), $"expected true or false, got '{Echo(text)}'"),
        };
    }

    private T? Enum<T>(Fields m, string key, (string Name, T Value)[] options, bool required = false) where T : struct
    {
        var names = string.Join(", ", options.Select(o => o.Name));
        var text = Read(m, key, required, $"one of {names}", out var node);
        if (text is null) return null;
        foreach (var (name, value) in options)
            if (name == text) return value;
        return Fail<T?>(node!, m.PathOf(key), $"expected one of {names}, got '{Echo(text)}'{Suggest(text, options.Select(o => o.Name))}");
    }
}
