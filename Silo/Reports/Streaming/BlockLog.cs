using System.Globalization;
using HarmonySim.Simulation.Results;

namespace HarmonySim.Silo.Reports.Streaming;

/// <summary>
/// blocks.csv: one row per canonical block, written as the run goes: shard, height, hash, the view it committed in,
/// when it was proposed and committed (virtual seconds, to the tick), how many signed the commit, whether that
/// aggregate verified, and the leader's node. The plots and percentiles summarise it; this is the raw data.
/// </summary>
public static class BlockLog
{
    public const string Header = "shard,height,hash,view,proposed_at_s,committed_at_s,signers,verified,leader";

    public static string Row(int shard, CommitRecord c) => string.Create(CultureInfo.InvariantCulture,
        $"{shard},{c.Height},{c.Hash},{c.ViewId},{Seconds(c.ProposedAt)},{Seconds(c.CommittedAt)},{c.Signers},{(c.SignatureVerified ? "true" : "false")},{c.LeaderNode}");

    /// <summary>Reads a row back (for tests and tools); the inverse of <see cref="Row"/>.</summary>
    public static (int Shard, CommitRecord Commit) Parse(string row)
    {
        var f = row.Split(',');
        return (int.Parse(f[0], CultureInfo.InvariantCulture), new CommitRecord(ulong.Parse(f[1], CultureInfo.InvariantCulture), f[2],
            ulong.Parse(f[3], CultureInfo.InvariantCulture), FromSeconds(f[4]), FromSeconds(f[5]), int.Parse(f[6], CultureInfo.InvariantCulture),
            f[7] == "true", int.Parse(f[8], CultureInfo.InvariantCulture)));
    }

    private static string Seconds(TimeSpan t) => (t.Ticks / (decimal)TimeSpan.TicksPerSecond).ToString("0.0000000", CultureInfo.InvariantCulture);

    private static TimeSpan FromSeconds(string s) => TimeSpan.FromTicks((long)(decimal.Parse(s, CultureInfo.InvariantCulture) * TimeSpan.TicksPerSecond));
}
