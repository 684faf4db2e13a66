using System.Text.RegularExpressions;
using HarmonySim.Silo.Scenarios;

namespace HarmonySim.Silo.Tests.Scenarios;

/// <summary>
/// Fuzzes <c>harmonysim validate</c> (issue 10: a command line that never crashes, hangs or loses a run) with
/// mutated bundled scenarios and generated YAML, 10,400 cases with fixed seeds. Every case must end with exit 0 or
/// 2 (never 3, an exception), within a per-case time and allocation budget, and a refusal must name at least one
/// error at a line of the file with every echoed value cut short.
/// </summary>
[TestClass]
public sealed partial class ScenarioLoaderFuzzTests
{
    private const int MutatedCases = 6_000;
    private const int GeneratedCases = 4_400;

    /// <summary>
    /// What one case may allocate: the work detector (a blow-up such as an alias bomb allocates far more). Time is not
    /// asserted — a busy machine stretches it — and a real hang trips the test's timeout.
    /// </summary>
    private const long AllocationBudget = 256L * 1024 * 1024;

    /// <summary>Longest error line allowed after the file name: messages that list a section's fields run to about 300 characters.</summary>
    private const int MaxErrorLength = 1_000;

    [TestMethod]
    public void Mutated_bundled_scenarios_exit_0_or_2_within_budget()
    {
        var files = ScenarioFolder.Bundled(AppContext.BaseDirectory);
        Assert.IsTrue(files.Count > 0);
        var texts = files.Select(File.ReadAllText).ToArray();
        var tally = Fuzz(MutatedCases, seed: 20261124, random => ScenarioMutator.Mutate(texts[random.Next(texts.Length)], random));
        Assert.IsTrue(tally.Refused > MutatedCases / 2, $"the mutations produce mostly invalid files ({tally})");
        Assert.IsTrue(tally.Valid > 0, $"some mutations leave a valid scenario ({tally})");
        Assert.IsTrue(tally.RefusedPastLimits > 0, $"some mutations nest past the depth limit ({tally})");
    }

    [TestMethod]
    public void Generated_yaml_exits_0_or_2_within_budget()
    {
        var tally = Fuzz(GeneratedCases, seed: 20261125, YamlCaseGenerator.Generate);
        Assert.IsTrue(tally.RefusedPastLimits > GeneratedCases / 20, $"the generator reaches the loader's limits ({tally})");
        Assert.IsTrue(tally.FieldErrors > GeneratedCases / 5, $"the generator reaches the scenario reader, past YAML syntax ({tally})");
    }

    private sealed record Tally(int Valid, int Refused, int RefusedPastLimits, int FieldErrors, TimeSpan Slowest, long MostAllocated);

    /// <summary>Runs <paramref name="cases"/> cases, case i from a generator seeded with seed + i, so a failure names a case that can be replayed alone.</summary>
    private static Tally Fuzz(int cases, int seed, Func<Random, string> makeCase)
    {
        using var probe = new ValidateProbe();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var tally = new Tally(0, 0, 0, 0, TimeSpan.Zero, 0);
        for (var i = 0; i < cases; i++)
        {
            var text = makeCase(new Random(seed + i));
            var outcome = probe.Run(text);
            var problem = Problem(text, outcome);
            if (problem is not null)
                throw new AssertFailedException($"case {i} (seed {seed}): {problem}{Environment.NewLine}stderr: {Cut(outcome.Error, 2_000)}{Environment.NewLine}input: {Cut(text, 2_000)}");
            var refused = outcome.Exit == 2;
            tally = tally with
            {
                Valid = tally.Valid + (refused ? 0 : 1),
                Refused = tally.Refused + (refused ? 1 : 0),
                RefusedPastLimits = tally.RefusedPastLimits + (outcome.ErrorLines.Any(l => l.Contains("scenario files are limited to", StringComparison.Ordinal) || l.Contains(": yaml: alias *", StringComparison.Ordinal)) ? 1 : 0),
                FieldErrors = tally.FieldErrors + (outcome.ErrorLines.Any(l => !l.Contains(": yaml: ", StringComparison.Ordinal)) ? 1 : 0),
                Slowest = outcome.Elapsed > tally.Slowest ? outcome.Elapsed : tally.Slowest,
                MostAllocated = Math.Max(tally.MostAllocated, outcome.AllocatedBytes),
            };
        }
        Console.WriteLine($"{cases} cases (seed {seed}) in {clock.Elapsed.TotalSeconds:0.0} s: {tally}");
        return tally;
    }

    /// <summary>What is wrong with the outcome of validating <paramref name="text"/>, or null if nothing is.</summary>
    private static string? Problem(string text, ValidateOutcome outcome)
    {
        if (outcome.AllocatedBytes > AllocationBudget) return $"allocated {outcome.AllocatedBytes:N0} bytes (budget {AllocationBudget:N0})";
        if (outcome.Exit == 0) return outcome.Output.Contains(": valid: ", StringComparison.Ordinal) ? null : "exit 0 without the one-line summary";
        if (outcome.Exit != 2) return $"exit {outcome.Exit}";
        if (outcome.ErrorLines.Count == 0) return "exit 2 without an error line";
        // A valid file whose run is refused (it cannot run, or its estimate does not fit this machine) is blamed on a
        // field, not a line (README, "exit 2"); which mutations reach that depends on the machine's memory and disk.
        if (outcome.Error.Contains("the scenario is valid but", StringComparison.Ordinal)) return null;
        var lines = text.Count(c => c == '\n') + 1;
        foreach (var line in outcome.ErrorLines)
        {
            var rest = line[(outcome.Path.Length + 1)..];
            var position = Position().Match(rest);
            if (!position.Success) return $"an error without line, column and field: {Cut(rest, 200)}";
            var at = int.Parse(position.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            // YamlDotNet counts a lone \r as a line break too, so a position may lie past the \n lines.
            if (at < 1 || at > lines + text.Count(c => c == '\r') + 1) return $"an error at line {at} of a {lines}-line file: {Cut(rest, 200)}";
            if (rest.Length > MaxErrorLength) return $"an error line of {rest.Length} characters (a value echoed whole?): {Cut(rest, 200)}";
        }
        return null;
    }

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..length] + $"… ({text.Length:N0} characters)";

    [GeneratedRegex(@"^(\d+):(\d+): \S")]
    private static partial Regex Position();
}
