using System.Text;
using HarmonySim.Silo.Scenarios;

namespace HarmonySim.Silo.Tests.Scenarios;

/// <summary>
/// Generates YAML for the loader fuzz test from a small grammar: scenario-shaped trees (the real section and field
/// names, so the reader goes deep) with odd values, arbitrary trees with anchors, aliases, complex and duplicate
/// keys, deep nesting, alias chains and bombs (as keys and values, with cycles and missing anchors), files near the
/// node limit, and raw noise. Deterministic for a given <see cref="Random"/>.
/// </summary>
internal static class YamlCaseGenerator
{
    private abstract record Node(string? Anchor);
    private sealed record Scalar(string Text, string? Anchor = null) : Node(Anchor);
    private sealed record Alias(string Name) : Node((string?)null);
    private sealed record Seq(List<Node> Items, bool Flow, string? Anchor = null) : Node(Anchor);
    private sealed record Map(List<(Node Key, Node Value)> Entries, bool Flow, string? Anchor = null) : Node(Anchor);

    private static readonly string[] ListSections = [.. ScenarioFields.Sections.Keys.Where(k => k.EndsWith("[]", StringComparison.Ordinal)).Select(k => k[..^2])];

    public static string Generate(Random random) => random.Next(400) switch
    {
        // A file at the node limit takes a few hundred milliseconds to parse, far more than the rest: a few suffice.
        0 => ManyNodes(random),
        < 160 => Emit(ScenarioShaped(random, "", 0), random),
        < 220 => Emit(AnyTree(random, 0, []), random),
        < 260 => DeepNesting(random),
        < 340 => AliasChain(random),
        _ => Noise(random),
    };

    // ---------------------------------------------------------------- trees

    /// <summary>A mapping for <paramref name="section"/> with a random subset of its fields (and now and then one that is not).</summary>
    private static Map ScenarioShaped(Random random, string section, int depth)
    {
        var fields = ScenarioFields.Sections[section];
        var entries = new List<(Node, Node)>();
        foreach (var field in fields.Where(_ => random.Next(3) > 0))
        {
            var path = section.Length == 0 ? field : $"{section}.{field}";
            Node value =
                ScenarioFields.Sections.ContainsKey(path) ? ScenarioShaped(random, path, depth + 1)
                : ListSections.Contains(path) ? new Seq([.. Enumerable.Range(0, random.Next(4)).Select(_ => ScenarioShaped(random, path + "[]", depth + 1))], Flow: false)
                : OddValue(random, depth);
            entries.Add((new Scalar(random.Next(40) == 0 ? field + "x" : field), value));
        }
        if (random.Next(10) == 0 && entries.Count > 0) entries.Add(entries[random.Next(entries.Count)]); // a duplicate key
        return new Map(entries, Flow: depth > 0 && random.Next(6) == 0, Anchor: random.Next(15) == 0 ? $"s{depth}" : null);
    }

    private static Node OddValue(Random random, int depth) => random.Next(20) switch
    {
        0 => new Alias($"s{random.Next(3)}"),
        1 => AnyTree(random, depth + 1, []),
        2 => new Seq([.. Enumerable.Range(0, random.Next(4)).Select(_ => OddValue(random, depth + 1))], Flow: random.Next(2) == 0),
        _ => new Scalar(OddYaml.Scalar(random)),
    };

    /// <summary>Any tree, up to 8 deep, anchoring some nodes and aliasing earlier anchors (which may still be open: a cycle).</summary>
    private static Node AnyTree(Random random, int depth, List<string> anchors)
    {
        var anchor = random.Next(6) == 0 ? $"t{random.Next(5)}" : null;
        if (anchor is not null) anchors.Add(anchor);
        if (depth > 8 || random.Next(3) == 0)
            return anchors.Count > 0 && random.Next(5) == 0 ? new Alias(anchors[random.Next(anchors.Count)]) : new Scalar(OddYaml.Scalar(random), anchor);
        var count = random.Next(5);
        if (random.Next(2) == 0)
            return new Seq([.. Enumerable.Range(0, count).Select(_ => AnyTree(random, depth + 1, anchors))], random.Next(3) == 0, anchor);
        var keys = new List<(Node, Node)>();
        for (var i = 0; i < count; i++)
        {
            // Mostly plain keys; some complex (a list or mapping as the key), some aliases, some repeated.
            var key = random.Next(6) switch
            {
                0 => AnyTree(random, depth + 1, anchors),
                1 when keys.Count > 0 => keys[0].Item1,
                _ => new Scalar(ScenarioFields.AllPaths.ElementAt(random.Next(ScenarioFields.AllPaths.Count)).Split('.')[^1].Replace("[]", "", StringComparison.Ordinal)),
            };
            keys.Add((key, AnyTree(random, depth + 1, anchors)));
        }
        return new Map(keys, random.Next(3) == 0, anchor);
    }

    private static string Emit(Node root, Random random)
    {
        var text = new StringBuilder();
        if (random.Next(10) == 0) text.Append(random.Next(2) == 0 ? "%YAML 1.2\n---\n" : "---\n");
        EmitBlock(root, 0, text);
        if (random.Next(20) == 0) text.Append("...\n");
        return random.Next(15) == 0 ? text.ToString().Replace("\n", "\r\n", StringComparison.Ordinal) : text.ToString();
    }

    private static string Prefix(Node node) => node.Anchor is { } a ? $"&{a} " : "";

    private static void EmitBlock(Node node, int indent, StringBuilder text)
    {
        var pad = new string(' ', indent);
        switch (node)
        {
            case Map { Flow: false, Entries.Count: > 0 } map:
                if (map.Anchor is not null) text.Append(pad).Append(Prefix(map).TrimEnd()).Append('\n');
                foreach (var (key, value) in map.Entries)
                {
                    var inlineKey = key is Scalar { Text.Length: < 1000 } s && !s.Text.Contains('\n', StringComparison.Ordinal) || key is Alias;
                    if (inlineKey) text.Append(pad).Append(Flow(key)).Append(key is Alias ? " :" : ":");
                    else text.Append(pad).Append("? ").Append(Flow(key)).Append('\n').Append(pad).Append(':');
                    EmitValue(value, indent, text);
                }
                break;
            case Seq { Flow: false, Items.Count: > 0 } seq:
                if (seq.Anchor is not null) text.Append(pad).Append(Prefix(seq).TrimEnd()).Append('\n');
                foreach (var item in seq.Items)
                {
                    text.Append(pad).Append('-');
                    EmitValue(item, indent, text);
                }
                break;
            default:
                text.Append(pad).Append(Flow(node)).Append('\n');
                break;
        }
    }

    private static void EmitValue(Node value, int indent, StringBuilder text)
    {
        if (value is Map { Flow: false, Entries.Count: > 0 } or Seq { Flow: false, Items.Count: > 0 })
        {
            text.Append('\n');
            EmitBlock(value, indent + 2, text);
        }
        else text.Append(' ').Append(Flow(value).Replace("\n", "\n" + new string(' ', indent + 2), StringComparison.Ordinal)).Append('\n');
    }

    private static string Flow(Node node) => node switch
    {
        Alias a => $"*{a.Name}",
        Scalar s => Prefix(s) + s.Text,
        Seq s => Prefix(s) + "[" + string.Join(", ", s.Items.Select(Flow)) + "]",
        Map m => Prefix(m) + "{" + string.Join(", ", m.Entries.Select(e => $"{Flow(e.Key)}: {Flow(e.Value)}")) + "}",
        _ => "",
    };

    // ---------------------------------------------------------------- hostile shapes

    private static readonly int[] Depths = [2, 10, 31, 32, 33, 34, 100, 1_000, 10_000, 30_000];

    private static string DeepNesting(Random random)
    {
        var depth = Depths[random.Next(Depths.Length)];
        var head = random.Next(2) == 0 ? "description: deep\nnetwork: " : "";
        return random.Next(5) switch
        {
            0 => head + new string('[', depth) + new string(']', depth) + "\n",
            1 => head + string.Concat(Enumerable.Repeat("{a: ", depth)) + "1" + new string('}', depth) + "\n",
            2 => head + "\n" + string.Concat(Enumerable.Range(1, Math.Min(depth, 300)).Select(i => new string(' ', 2 * i) + "a:\n")),
            3 => head + "\n" + string.Concat(Enumerable.Range(1, Math.Min(depth, 300)).Select(i => new string(' ', 2 * i) + "-\n")) + new string(' ', 2 * Math.Min(depth, 300) + 2) + "x\n",
            // Unclosed: the parser meets the end of the file deep inside.
            _ => head + string.Concat(Enumerable.Repeat("[{a: ", depth / 2)) + "\n",
        };
    }

    private static string AliasChain(Random random)
    {
        var levels = random.Next(1, 13);
        var fanout = random.Next(1, 11);
        var text = new StringBuilder("description: aliases\n");
        text.Append("a0: &a0 ").Append(random.Next(2) == 0 ? "x" : "[x, y]").Append('\n');
        for (var i = 1; i < levels; i++)
        {
            var items = string.Join(", ", Enumerable.Repeat($"*a{i - 1}", fanout));
            text.Append($"a{i}: &a{i} ").Append(random.Next(3) == 0 ? $"{{k{i}: [{items}]}}" : $"[{items}]").Append('\n');
        }
        var last = $"*a{levels - 1}";
        text.Append(random.Next(6) switch
        {
            0 => $"? {last}\n: 1\n",                       // the whole chain as a mapping key
            1 => $"network: {last}\n",
            2 => $"? [{last}, {last}]\n: 1\n",
            3 => "c: &c [1, *c]\n",                       // a cycle
            4 => $"? &k {{x: *k}}\n: {last}\n",           // a cycle inside a key
            _ => $"cohorts: [*a{levels}]\n",              // an alias with no anchor
        });
        return text.ToString();
    }

    /// <summary>A flat list of about <see cref="ScenarioLimits.MaxNodes"/> values, just under or over the limit.</summary>
    private static string ManyNodes(Random random)
    {
        var count = ScenarioLimits.MaxNodes + random.Next(-10, 10);
        return random.Next(2) == 0
            ? "description: many\nnetwork: [" + string.Concat(Enumerable.Repeat("1,", count)) + "1]\n"
            : "description: many\nnetwork:\n" + string.Concat(Enumerable.Repeat("  - 1\n", count));
    }

    private const string NoiseAlphabet = "abc:-[]{}&*!|>'\"#%@`,? \t\n\r0123456789.~\\";

    private static string Noise(Random random) =>
        new([.. Enumerable.Range(0, random.Next(1, 300)).Select(_ => random.Next(50) == 0 ? (char)random.Next(0, 0x3000) : NoiseAlphabet[random.Next(NoiseAlphabet.Length)])]);
}
