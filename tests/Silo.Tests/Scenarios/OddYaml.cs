namespace HarmonySim.Silo.Tests.Scenarios;

/// <summary>
/// Pieces of YAML that have broken, or could break, a loader: odd scalars, long values, tabs, unicode, tags,
/// anchors and aliases, directives. Shared by the mutator and the generator of the loader fuzz test.
/// </summary>
internal static class OddYaml
{
    /// <summary>Long enough that an error echoing it whole would stand out (errors cut echoed values at 40 characters).</summary>
    public static readonly string LongDigits = new('9', 100_000);

    public static readonly string LongWord = string.Concat(Enumerable.Repeat("abcdefghij", 300));

    public static readonly string[] Scalars =
    [
        "0", "1", "-1", "2", "64", "65", "25000", "25001", "1_000_000", "1__0", "_1", "1_", "0x1F", "0o17", "1e309", "-0", "+1",
        "1.5", "0.68", "68%", "149%", "0.1%", "%", ".inf", "-.inf", ".nan", "NaN", "~", "null", "Null", "", "''", "\"\"",
        "true", "false", "yes", "no", "on", "TRUE", "2s", "500ms", "1m30s", "2h", "1.5s", "10", "1us", "0s", "100000h",
        "shard:0", "shard:1", "shard:99", "shard:", "shard:x", "stake", "count", "crash", "heal", "partition", "isolate-leader",
        "slow-link", "bls", "simulated", "epos", "harmony", "others", "us-east", "eu-west", "50_000 ONE", "10_000.5",
        "0.000000000000000000001", "100000000001", "9223372036854775807", "9223372036854775808", "18446744073709551616",
        "\"\\u263A\"", "\"\\x41\"", "\"\\q\"", "\"\\U0001F600\"", "'it''s'", "\"tab\\tinside\"", "é", "日本", "😀", "\u200Bzero-width",
        "\u202Eright-to-left", "e\u0301", "\uFFFD", "!!binary aGVsbG8=", "!!int 3", "!!str 3", "!!float x", "!custom x", "!<tag:x> y",
        "|\n  literal\n  block", ">\n  folded\n  block", "|-\n  x", ">+\n  x\n", "- ", "[", "]", "{", "}", ": ", "#x", "@x", "`x`",
    ];

    /// <summary>Values too long to echo whole; kept apart from <see cref="Scalars"/> so cases can use them sparingly.</summary>
    public static readonly string[] LongScalars =
    [
        LongDigits, LongDigits + "s", LongDigits + "%", LongDigits + " ONE", "x" + LongDigits, LongWord, "shard:" + LongDigits, "\"" + LongWord + "\"",
    ];

    /// <summary>An odd scalar, now and then (1 in <paramref name="longOneIn"/>) a long one.</summary>
    public static string Scalar(Random random, int longOneIn = 50) =>
        random.Next(longOneIn) == 0 ? LongScalars[random.Next(LongScalars.Length)] : Scalars[random.Next(Scalars.Length)];

    public static readonly string[] Fragments =
    [
        "\n", ":", " ", "-", "[", "]", "{", "}", "\"", "'", "#", "&a ", "*a", "&b ", "*b", "!!str ", "!!map ", "!!seq ", "0", "1_", "%",
        "s", "ms", "shard:", "~", "\t", "\t\t", " \t", "? ", "|\n", ">\n", "<<: *a", "<<: ", "---\n", "...\n", "%YAML 1.1\n", "%TAG ! x\n",
        "\r\n", "\r", "\uFEFF", "\0", "\u0007", "\u0085", "\u2028", "é", "😀", "\uD800", "\\", "\\u", ",", "? [a, b]\n: c\n",
        "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[", "{a: {a: {a: {a: {a: {a: {a: {a: ", LongDigits, LongWord,
    ];
}
