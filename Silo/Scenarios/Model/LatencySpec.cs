using System.Collections.Immutable;

namespace HarmonySim.Silo.Scenarios.Model;

/// <summary>
/// The network model: regions, a one-way latency matrix between them, jitter, loss and optional bandwidth.
/// A message from a node in region i to a node in region j takes <c>OneWay[i][j]</c> plus a uniform draw from
/// [0, <see cref="Jitter"/>] plus, with a bandwidth, its size over the bandwidth; it is lost with
/// probability <see cref="Loss"/>.
/// </summary>
public sealed record LatencySpec
{
    /// <summary>The regions of the default matrix, in its row order.</summary>
    public static readonly ImmutableArray<string> DefaultRegions = ["us-east", "us-west", "eu-west", "ap-southeast", "ap-northeast"];

    /// <summary>
    /// Default one-way latencies in ms, row = from, column = to, in <see cref="DefaultRegions"/> order.
    /// Source: the average round-trip times between AWS regions in the table "Latency Between AWS Global Regions"
    /// (2017; reproduced at acomputerscientistlearnsaws.blogspot.com/2017/04/aws-regions.html), halved (exact halves, no
    /// rounding): us-east = N. Virginia, us-west = Oregon, eu-west = Ireland, ap-southeast = Singapore,
    /// ap-northeast = Tokyo. Round trips used (the table's averages rounded to whole ms): us-east–us-west 88, us-east–eu-west 81, us-east–ap-southeast 217,
    /// us-east–ap-northeast 145, us-west–eu-west 137, us-west–ap-southeast 161, us-west–ap-northeast 89,
    /// eu-west–ap-southeast 239, eu-west–ap-northeast 212, ap-southeast–ap-northeast 74. The diagonal (two nodes in
    /// one region) is our assumption of 1 ms one-way: inter-availability-zone pings within a region measure
    /// 0.25–3.4 ms round trip (xkyle.com, "Measuring AWS Region and AZ Latency").
    /// </summary>
    public static readonly ImmutableArray<ImmutableArray<double>> DefaultOneWayMs =
    [
        //  us-east us-west eu-west ap-se  ap-ne
        [1,     44,     40.5,   108.5, 72.5],  // us-east
        [44,    1,      68.5,   80.5,  44.5],  // us-west
        [40.5,  68.5,   1,      119.5, 106],   // eu-west
        [108.5, 80.5,   119.5,  1,     37],    // ap-southeast
        [72.5,  44.5,   106,    37,    1],     // ap-northeast
    ];

    public static readonly LatencySpec Default = new();

    /// <summary>Region names; cohorts are placed in them.</summary>
    public ImmutableArray<string> Regions { get; init; } = DefaultRegions;

    /// <summary>One-way latency in ms, <c>OneWayMs[from][to]</c>, square of the size of <see cref="Regions"/>.</summary>
    public ImmutableArray<ImmutableArray<double>> OneWayMs { get; init; } = DefaultOneWayMs;

    /// <summary>Upper bound of the uniform extra delay added to each message (default 0).</summary>
    public TimeSpan Jitter { get; init; } = TimeSpan.Zero;

    /// <summary>Probability that a message is lost, in [0, 1) (default 0).</summary>
    public decimal Loss { get; init; }

    /// <summary>Per-link bandwidth in Mbit/s; null for unlimited (the default).</summary>
    public decimal? BandwidthMbps { get; init; }

    public int RegionIndex(string region) => Regions.IndexOf(region);

    public TimeSpan OneWay(int from, int to) => TimeSpan.FromMilliseconds(OneWayMs[from][to]);
}
