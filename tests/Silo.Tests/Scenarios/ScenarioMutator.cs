namespace HarmonySim.Silo.Tests.Scenarios;

/// <summary>
/// Breaks a valid scenario file in one to four random places, the way people and tools break YAML: characters cut,
/// inserted or changed, lines repeated, swapped or re-indented (with spaces or tabs), values replaced with odd
/// scalars, values anchored and aliased elsewhere, values nested deeply. Deterministic for a given
/// <see cref="Random"/>.
/// </summary>
internal static class ScenarioMutator
{
    public static string Mutate(string text, Random random)
    {
        for (var edits = random.Next(1, 5); edits > 0; edits--)
            text = MutateOnce(text, random);
        return text;
    }

    private static string MutateOnce(string text, Random random)
    {
        if (text.Length == 0) return Pick(random, OddYaml.Fragments);
        var at = random.Next(text.Length);
        var lines = text.Split('\n');
        var line = random.Next(lines.Length);
        switch (random.Next(10))
        {
            case 0:
                return text.Remove(at, Math.Min(text.Length - at, random.Next(1, 6)));
            case 1:
            case 2:
                return text.Insert(at, Pick(random, OddYaml.Fragments));
            case 3:
                return text.Remove(at, 1).Insert(at, ((char)random.Next(32, 127)).ToString());
            case 4:
                // A repeated line is often a duplicate key.
                return string.Join('\n', lines.Take(line + 1).Append(lines[line]).Concat(lines.Skip(line + 1)));
            case 5:
                var other = random.Next(lines.Length);
                (lines[line], lines[other]) = (lines[other], lines[line]);
                return string.Join('\n', lines);
            case 6:
                lines[line] = random.Next(3) switch
                {
                    0 => " " + lines[line],
                    1 => "\t" + lines[line],
                    _ => lines[line].Length > 0 && lines[line][0] is ' ' or '\t' ? lines[line][1..] : lines[line],
                };
                return string.Join('\n', lines);
            case 7:
                return ReplaceValue(lines, line, OddYaml.Scalar(random, longOneIn: 10));
            case 8:
                // Anchor one value and repeat it with an alias elsewhere (an anchor on a key now and then).
                var name = $"m{random.Next(3)}";
                lines[line] = random.Next(4) == 0 ? $"&{name} {lines[line].TrimStart()}" : AnchorValue(lines[line], name);
                return ReplaceValue(lines, random.Next(lines.Length), $"*{name}");
            default:
                var depth = random.Next(2) == 0 ? random.Next(1, 40) : random.Next(40, 3000);
                return ReplaceValue(lines, line, new string('[', depth) + "1" + new string(']', depth));
        }
    }

    private static string AnchorValue(string line, string name)
    {
        var colon = line.IndexOf(": ", StringComparison.Ordinal);
        return colon < 0 ? line : $"{line[..(colon + 2)]}&{name} {line[(colon + 2)..]}";
    }

    private static string ReplaceValue(string[] lines, int line, string value)
    {
        var colon = lines[line].IndexOf(": ", StringComparison.Ordinal);
        lines[line] = colon >= 0 ? lines[line][..(colon + 2)] + value : lines[line] + value;
        return string.Join('\n', lines);
    }

    private static string Pick(Random random, string[] items) => items[random.Next(items.Length)];
}
