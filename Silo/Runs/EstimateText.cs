using System.Globalization;

namespace HarmonySim.Silo.Runs;

/// <summary>How estimates read on the terminal: rounded, with units a person can compare (MiB/GiB, minutes/days/years).</summary>
public static class EstimateText
{
    public static string Count(double n) => n switch
    {
        < 1e6 => n.ToString("N0", CultureInfo.InvariantCulture),
        < 1e9 => string.Create(CultureInfo.InvariantCulture, $"{n / 1e6:0.#} million"),
        < 1e12 => string.Create(CultureInfo.InvariantCulture, $"{n / 1e9:0.#} billion"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{n / 1e12:#,0.#} trillion"),
    };

    public static string Bytes(double bytes) => bytes switch
    {
        < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024:0.#} KiB"),
        < 1024.0 * 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024 * 1024):0.#} MiB"),
        < 1024.0 * 1024 * 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024 * 1024):0.#} GiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024 * 1024 * 1024):#,0.#} TiB"),
    };

    public static string Seconds(double seconds) => seconds switch
    {
        < 120 => string.Create(CultureInfo.InvariantCulture, $"{seconds:0} s"),
        < 7200 => string.Create(CultureInfo.InvariantCulture, $"{seconds / 60:0.#} min"),
        < 2 * 86_400 => string.Create(CultureInfo.InvariantCulture, $"{seconds / 3600:0.#} h"),
        < 2 * 31_557_600 => string.Create(CultureInfo.InvariantCulture, $"{seconds / 86_400:#,0.#} days"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{seconds / 31_557_600:#,0.#} years"),
    };

    /// <summary>The estimate as <c>validate</c> prints it on its second line.</summary>
    public static string Line(RunEstimate e, MachineLimits limits) =>
        $"estimate: {Count(e.Blocks)} blocks, {Count(e.Deliveries)} message deliveries, {Bytes(e.MemoryBytes)} memory, " +
        $"{Bytes(e.OutputBytes)} output, {Seconds(e.WallSeconds)} on this machine " +
        $"(limits: {Bytes(limits.MemoryBytes)} memory, {(limits.FreeDiskBytes is { } free ? Bytes(free) : "unknown")} free disk, " +
        $"{Seconds(limits.WallCeiling.TotalSeconds)} wall time)";
}
