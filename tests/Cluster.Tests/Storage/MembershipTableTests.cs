using System.Net;
using HarmonySim.Cluster.Tests.Azurite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Runtime;

namespace HarmonySim.Cluster.Tests.Storage;

/// <summary>
/// The membership table a cluster silo uses (Orleans' Azure Table provider, resolved from the silo's own services) on
/// Azurite: what Orleans' provider test kit checks, which is not published as a package.
/// </summary>
[TestClass]
public sealed class MembershipTableTests
{
    private IHost? _host;
    private IMembershipTable _table = null!;

    [TestInitialize]
    public async Task Open()
    {
        var azurite = AzuriteAssembly.Require();
        // A host that is built but not started: its membership table is the provider itself, with no silo writing to it.
        _host = TestSilo.Build(TestSilo.SettingsFor(azurite));
        _table = _host.Services.GetRequiredService<IMembershipTable>();
        await _table.InitializeMembershipTableAsync(tryInitTableVersion: true);
    }

    [TestCleanup]
    public void Close() => _host?.Dispose();

    [TestMethod]
    public async Task A_new_table_is_empty_at_version_zero()
    {
        var data = await _table.ReadAllAsync(CancellationToken.None);
        Assert.IsEmpty(data.Members);
        Assert.AreEqual(0, data.Version.Version);
        Assert.IsFalse(string.IsNullOrEmpty(data.Version.VersionEtag));
    }

    [TestMethod]
    public async Task An_inserted_row_reads_back_with_an_etag_and_the_next_table_version()
    {
        var version = (await _table.ReadAllAsync(CancellationToken.None)).Version;
        var entry = Entry(1, SiloStatus.Joining);
        Assert.IsTrue(await _table.InsertRowAsync(entry, version.Next()));

        var data = await _table.ReadAllAsync(CancellationToken.None);
        Assert.AreEqual(version.Version + 1, data.Version.Version);
        var (read, etag) = data.Members.Single();
        Assert.AreEqual(entry.SiloAddress, read.SiloAddress);
        Assert.AreEqual(SiloStatus.Joining, read.Status);
        Assert.AreEqual(entry.SiloName, read.SiloName);
        Assert.AreEqual(entry.ProxyPort, read.ProxyPort);
        Assert.IsFalse(string.IsNullOrEmpty(etag));
        var row = await _table.ReadRowAsync(entry.SiloAddress);
        Assert.AreEqual(etag, row.Members.Single().Item2);
    }

    [TestMethod]
    public async Task Inserting_the_same_silo_twice_or_with_a_stale_table_version_is_refused()
    {
        var version = (await _table.ReadAllAsync(CancellationToken.None)).Version;
        var entry = Entry(2, SiloStatus.Joining);
        Assert.IsTrue(await _table.InsertRowAsync(entry, version.Next()));

        // The same silo again, at the now-current version: the row exists.
        var current = (await _table.ReadAllAsync(CancellationToken.None)).Version;
        Assert.IsFalse(await _table.InsertRowAsync(entry, current.Next()));
        // Another silo, but with the version read before the first insert: the table version's ETag is stale.
        Assert.IsFalse(await _table.InsertRowAsync(Entry(3, SiloStatus.Joining), version.Next()));
        Assert.HasCount(1, (await _table.ReadAllAsync(CancellationToken.None)).Members);
    }

    [TestMethod]
    public async Task Update_under_the_current_table_version_succeeds_and_a_writer_holding_a_stale_version_loses()
    {
        var entry = Entry(4, SiloStatus.Joining);
        Assert.IsTrue(await _table.InsertRowAsync(entry, (await _table.ReadAllAsync(CancellationToken.None)).Version.Next()));
        var data = await _table.ReadAllAsync(CancellationToken.None);
        var etag = data.Members.Single().Item2;

        entry.Status = SiloStatus.Active;
        Assert.IsTrue(await _table.UpdateRowAsync(entry, etag, data.Version.Next()));
        var after = await _table.ReadAllAsync(CancellationToken.None);
        Assert.AreEqual(SiloStatus.Active, after.Members.Single().Item1.Status);
        Assert.AreEqual(data.Version.Version + 1, after.Version.Version);
        Assert.AreNotEqual(etag, after.Members.Single().Item2, "a write gives the row a new ETag");
        Assert.AreNotEqual(data.Version.VersionEtag, after.Version.VersionEtag, "and the table version a new one");

        // A second writer that read the table before that update (the race two silos voting at once run into) must
        // lose, so no update is lost. In 10.4.2 the table version's ETag is the guard of every membership write; the
        // row itself is replaced unconditionally inside the same transaction.
        entry.Status = SiloStatus.Dead;
        Assert.IsFalse(await _table.UpdateRowAsync(entry, etag, data.Version.Next()));
        Assert.IsFalse(await _table.UpdateRowAsync(entry, after.Members.Single().Item2, data.Version.Next()));
        var unchanged = await _table.ReadAllAsync(CancellationToken.None);
        Assert.AreEqual(SiloStatus.Active, unchanged.Members.Single().Item1.Status);
        Assert.AreEqual(after.Version, unchanged.Version);
    }

    [TestMethod]
    public async Task IAmAlive_moves_only_the_alive_time_and_leaves_the_table_version()
    {
        var entry = Entry(5, SiloStatus.Active);
        Assert.IsTrue(await _table.InsertRowAsync(entry, (await _table.ReadAllAsync(CancellationToken.None)).Version.Next()));
        var before = await _table.ReadAllAsync(CancellationToken.None);

        var alive = new DateTime(2030, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        entry.IAmAliveTime = alive;
        entry.Status = SiloStatus.Dead; // must not be written by an IAmAlive update
        await _table.UpdateIAmAliveAsync(entry);

        var after = await _table.ReadAllAsync(CancellationToken.None);
        var read = after.Members.Single().Item1;
        Assert.AreEqual(alive, read.IAmAliveTime.ToUniversalTime());
        Assert.AreEqual(SiloStatus.Active, read.Status);
        Assert.AreEqual(before.Version.Version, after.Version.Version);
    }

    [TestMethod]
    public async Task Cleanup_removes_dead_silos_last_alive_before_the_cutoff_and_keeps_the_rest()
    {
        var now = DateTime.UtcNow;
        var deadOld = Entry(6, SiloStatus.Dead, now.AddHours(-2));
        var deadRecent = Entry(7, SiloStatus.Dead, now);
        var activeOld = Entry(8, SiloStatus.Active, now.AddHours(-2));
        foreach (var e in new[] { deadOld, deadRecent, activeOld })
            Assert.IsTrue(await _table.InsertRowAsync(e, (await _table.ReadAllAsync(CancellationToken.None)).Version.Next()));

        await _table.CleanupDefunctSiloEntriesAsync(now.AddHours(-1));

        var left = (await _table.ReadAllAsync(CancellationToken.None)).Members.Select(m => m.Item1.SiloAddress).ToHashSet();
        Assert.IsFalse(left.Contains(deadOld.SiloAddress), "the long-dead silo is removed");
        Assert.IsTrue(left.Contains(deadRecent.SiloAddress), "a recently dead silo stays (others may still be learning of its death)");
        Assert.IsTrue(left.Contains(activeOld.SiloAddress), "a silo not declared dead stays, however old its alive time");
    }

    [TestMethod]
    public async Task Deleting_the_cluster_removes_its_rows()
    {
        Assert.IsTrue(await _table.InsertRowAsync(Entry(9, SiloStatus.Active), (await _table.ReadAllAsync(CancellationToken.None)).Version.Next()));
        var clusterId = _host!.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Orleans.Configuration.ClusterOptions>>().Value.ClusterId;
        await _table.DeleteMembershipTableEntriesAsync(clusterId);
        // The version row goes too, so the cluster starts afresh: the next silo re-creates it at version 0.
        await _table.InitializeMembershipTableAsync(true);
        var data = await _table.ReadAllAsync(CancellationToken.None);
        Assert.IsEmpty(data.Members);
        Assert.AreEqual(0, data.Version.Version);
    }

    private static MembershipEntry Entry(int n, SiloStatus status, DateTime? alive = null)
    {
        var time = alive ?? DateTime.UtcNow;
        return new MembershipEntry
        {
            SiloAddress = SiloAddress.New(new IPEndPoint(IPAddress.Loopback, 40000 + n), n),
            Status = status,
            SiloName = $"silo-{n}",
            HostName = "test-host",
            ProxyPort = 41000 + n,
            StartTime = time,
            IAmAliveTime = time,
            SuspectTimes = [],
            UpdateZone = 0,
            FaultZone = 0,
            RoleName = "test",
        };
    }
}
