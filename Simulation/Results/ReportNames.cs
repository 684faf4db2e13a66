namespace HarmonySim.Simulation.Results;

/// <summary>How an enum's members are named in reports: the member name in snake case (pool_full, bad_signature).</summary>
public static class ReportNames
{
    /// <summary>Every member's report name, indexed by the member's value (the enums named here count from 0).</summary>
    public static string[] Of<T>() where T : struct, Enum => [.. Enum.GetValues<T>().Select(v => SnakeCase(v.ToString()))];

    private static string SnakeCase(string name) =>
        string.Concat(name.Select((ch, i) => char.IsUpper(ch) ? (i > 0 ? "_" : "") + char.ToLowerInvariant(ch) : ch.ToString()));
}
