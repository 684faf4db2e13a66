using System.Globalization;
using HarmonySim.Simulation.Results;

namespace HarmonySim.Silo.Reports.Streaming;

/// <summary>
/// blocks.csv: one row per canonical block, written as the run goes: shard, height, hash, the view it committed in,
/// when it was proposed and committed (virtual seconds, to the tick), how many signed the commit, whether that
/// aggregate verified, the leader's node, when the leader broadcast PREPARED (empty if not seen), the share of the
/// committee's voting power that signed, and the load transactions it carried (empty in a run without load). The plots,
/// percentiles and the dashboard's replay read it; this is the raw data.
/// </summary>
public static class BlockLog
{
    public const string Header = "shard,height,hash,view,proposed_at_s,committed_at_s,signers,verified,leader,prepared_at_s,signing_power,transactions";

    public static string Row(int shard, CommitRecord c, int? transactions = null) => string.Create(CultureInfo.InvariantCulture,
        $"{shard},{c.Height},{c.Hash},{c.ViewId},{Seconds(c.ProposedAt)},{Seconds(c.CommittedAt)},{c.Signers},{(c.SignatureVerified ? "true" : "false")},{c.LeaderNode},{(c.PreparedAt is { } p ? Seconds(p) : "")},{c.SigningPower:R},{transactions}");

    /// <summary>Reads a row back (for tests and tools); the inverse of <see cref="Row"/>. Rows of older runs (nine
    /// columns) read with no prepared time, no signing power and no transaction count.</summary>
    public static BlockRow Parse(string row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var f = row.Split(',');
        var commit = new CommitRecord(ulong.Parse(f[1], CultureInfo.InvariantCulture), f[2],
            ulong.Parse(f[3], CultureInfo.InvariantCulture), FromSeconds(f[4]), FromSeconds(f[5]), int.Parse(f[6], CultureInfo.InvariantCulture),
            f[7] == "true", int.Parse(f[8], CultureInfo.InvariantCulture))
        {
            PreparedAt = f.Length > 9 && f[9].Length > 0 ? FromSeconds(f[9]) : null,
            SigningPower = f.Length > 10 ? double.Parse(f[10], CultureInfo.InvariantCulture) : 0,
        };
        int? transactions = f.Length > 11 && f[11].Length > 0 ? int.Parse(f[11], CultureInfo.InvariantCulture) : null;
        return new BlockRow(int.Parse(f[0], CultureInfo.InvariantCulture), commit, transactions);
    }

    private static string Seconds(TimeSpan t) => (t.Ticks / (decimal)TimeSpan.TicksPerSecond).ToString("0.0000000", CultureInfo.InvariantCulture);

    private static TimeSpan FromSeconds(string s) => TimeSpan.FromTicks((long)(decimal.Parse(s, CultureInfo.InvariantCulture) * TimeSpan.TicksPerSecond));
}

/// <summary>A row of blocks.csv: the shard, the block as committed, and its load transactions (null without load).</summary>
public sealed record BlockRow(int Shard, CommitRecord Commit, int? Transactions);
