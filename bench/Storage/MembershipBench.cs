using System.Diagnostics;
using System.Net;

namespace HarmonySim.Bench.Storage;

/// <summary>
/// The membership table's operations, called as Orleans' membership agent calls them, on a table nobody else writes
/// (a cluster id of its own, no silo started). Inserts and updates are optimistic: each needs the current table
/// version's ETag (and an update the row's), so every one is preceded by an untimed read of the row, as the agent
/// reads the table before writing; the rate given for them is therefore 1 / mean latency of the write alone.
/// </summary>
internal sealed class MembershipBench(IMembershipTable table, string clusterId, TimeSpan duration)
{
    public sealed record Row(string Operation, int Rows, Samples Samples);

    /// <summary>Inserts first (on a growing table), then a table of <paramref name="members"/> silos for the other operations.</summary>
    public async Task<IReadOnlyList<Row>> Run(int members)
    {
        await table.InitializeMembershipTableAsync(tryInitTableVersion: true);
        var inserts = new Samples();
        var inserted = 0;
        var version = (await table.ReadAllAsync(CancellationToken.None)).Version;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < duration)
        {
            var entry = Entry(++inserted);
            var ok = false;
            await inserts.Time(async () => ok = await table.InsertRowAsync(entry, version.Next()));
            if (!ok) throw new InvalidOperationException("an insert at the current table version was refused: is another writer using this cluster id?");
            version = (await table.ReadRowAsync(entry.SiloAddress)).Version;
        }

        // A cluster of the given size, as a silo sees it: wipe the table, then one row per silo.
        await table.DeleteMembershipTableEntriesAsync(clusterId);
        await table.InitializeMembershipTableAsync(tryInitTableVersion: true);
        var entries = Enumerable.Range(1, members).Select(Entry).ToArray();
        foreach (var entry in entries)
        {
            var current = (await table.ReadAllAsync(CancellationToken.None)).Version;
            if (!await table.InsertRowAsync(entry, current.Next())) throw new InvalidOperationException($"setting up {members} members: an insert was refused");
        }

        var reads = await Repeat(() => table.ReadAllAsync(CancellationToken.None));
        var alive = await Repeat(() =>
        {
            entries[0].IAmAliveTime = DateTime.UtcNow;
            return table.UpdateIAmAliveAsync(entries[0]);
        });

        var updates = new Samples();
        var row = await table.ReadRowAsync(entries[0].SiloAddress);
        clock.Restart();
        while (clock.Elapsed < duration)
        {
            var (entry, etag) = row.Members[0];
            // What a suspicion vote writes: the row with one more suspect time, under both ETags.
            entry.SuspectTimes = [Tuple.Create(entries[1].SiloAddress, DateTime.UtcNow)];
            var ok = false;
            await updates.Time(async () => ok = await table.UpdateRowAsync(entry, etag, row.Version.Next()));
            if (!ok) throw new InvalidOperationException("an update under the current ETags was refused: is another writer using this cluster id?");
            row = await table.ReadRowAsync(entries[0].SiloAddress);
        }

        return
        [
            new("InsertRow", inserted, inserts),
            new("ReadAll", members, reads),
            new("UpdateIAmAlive", members, alive),
            new("UpdateRow", members, updates),
        ];
    }

    private async Task<Samples> Repeat(Func<Task> call)
    {
        var samples = new Samples();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < duration) await samples.Time(call);
        samples.Wall = clock.Elapsed;
        return samples;
    }

    private static MembershipEntry Entry(int n)
    {
        var now = DateTime.UtcNow;
        return new MembershipEntry
        {
            SiloAddress = SiloAddress.New(new IPEndPoint(IPAddress.Loopback, 20000 + n), n),
            Status = SiloStatus.Active,
            SiloName = $"bench-silo-{n}",
            HostName = "bench-host",
            ProxyPort = 30000 + n,
            StartTime = now,
            IAmAliveTime = now,
            SuspectTimes = [],
            RoleName = "harmonysim",
        };
    }
}
