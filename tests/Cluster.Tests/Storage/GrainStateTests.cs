using HarmonySim.Cluster.Tests.TestGrains;

namespace HarmonySim.Cluster.Tests.Storage;

/// <summary>
/// Grain state through <c>IPersistentState&lt;T&gt;</c> on a cluster silo's two providers (blob and table) on Azurite:
/// what a grain writes survives its activation, clear removes it, big state round-trips, parallel writers all land.
/// </summary>
[TestClass]
public sealed class GrainStateTests
{
    private static string Key(string provider, string test) => $"{provider}/{test}/{Guid.NewGuid():N}";

    [TestMethod]
    [DataRow("blob")]
    [DataRow("table")]
    public async Task Written_state_is_read_back_by_a_new_activation_and_clear_removes_it(string provider)
    {
        var silo = await SharedSilo.Get();
        var grain = silo.Grains.GetGrain<IStateGrain>(Key(provider, "roundtrip"));
        Assert.IsNull(await grain.Read(), "nothing stored yet");

        await grain.Write(new Payload { Version = 7, Text = "héllo, Harmony", Data = [1, 2, 3] });
        await grain.Deactivate();
        var read = await grain.Read(); // a new activation, which loads from storage
        Assert.IsNotNull(read);
        Assert.AreEqual(7, read.Version);
        Assert.AreEqual("héllo, Harmony", read.Text);
        CollectionAssert.AreEqual(new byte[] { 1, 2, 3 }, read.Data);

        await grain.Clear();
        Assert.IsNull(await grain.Reload(), "cleared in storage, not only in memory");
        await grain.Deactivate();
        Assert.IsNull(await grain.Read());

        // A cleared grain can be written again (its ETag was reset by the clear).
        await grain.Write(new Payload { Version = 8 });
        Assert.AreEqual(8, (await grain.Reload())!.Version);
    }

    [TestMethod]
    public async Task A_one_MiB_state_round_trips_in_blob_storage()
    {
        var silo = await SharedSilo.Get();
        var grain = silo.Grains.GetGrain<IStateGrain>(Key("blob", "large"));
        var data = Bytes(1 << 20, seed: 1);
        await grain.Write(new Payload { Version = 1, Data = data });
        await grain.Deactivate();
        var read = await grain.Read();
        Assert.IsNotNull(read);
        CollectionAssert.AreEqual(data, read.Data);
    }

    [TestMethod]
    public async Task Table_storage_splits_a_half_MiB_state_over_columns_and_reads_it_back()
    {
        // An Azure Table entity holds at most 1 MiB over 64 KiB properties; Orleans splits the state across several.
        var silo = await SharedSilo.Get();
        var grain = silo.Grains.GetGrain<IStateGrain>(Key("table", "large"));
        var data = Bytes(512 * 1024, seed: 2);
        await grain.Write(new Payload { Version = 1, Data = data });
        await grain.Deactivate();
        CollectionAssert.AreEqual(data, (await grain.Read())!.Data);
    }

    [TestMethod]
    public async Task Table_storage_refuses_a_one_MiB_state_with_an_error_and_keeps_the_previous_state()
    {
        var silo = await SharedSilo.Get();
        var grain = silo.Grains.GetGrain<IStateGrain>(Key("table", "too-large"));
        await grain.Write(new Payload { Version = 1, Text = "small" });
        // The state is stored as JSON, so 1 MiB of bytes becomes ~1.4 MB of base64: over the ~960 KB Orleans allows.
        var error = await Assert.ThrowsExactlyAsync<OrleansException>(() => grain.Write(new Payload { Version = 2, Data = Bytes(1 << 20, seed: 3) }));
        StringAssert.Contains(error.Message, "Data too large to write to Azure table");
        await grain.Deactivate();
        var read = await grain.Read();
        Assert.AreEqual(1, read!.Version);
        Assert.AreEqual("small", read.Text);
    }

    [TestMethod]
    [DataRow("blob")]
    [DataRow("table")]
    public async Task Many_grains_writing_at_once_each_keep_their_last_write(string provider)
    {
        var silo = await SharedSilo.Get();
        var grains = Enumerable.Range(0, 24).Select(i => silo.Grains.GetGrain<IStateGrain>(Key(provider, $"parallel-{i}"))).ToList();
        // Each grain writes 5 versions in order while all 24 write in parallel: the storage sees interleaved writers.
        await Task.WhenAll(grains.Select(async (g, i) =>
        {
            for (var v = 1; v <= 5; v++) await g.Write(new Payload { Version = v, Text = $"grain {i}" });
        }));
        await Task.WhenAll(grains.Select(g => g.Deactivate()));
        var read = await Task.WhenAll(grains.Select(g => g.Read()));
        for (var i = 0; i < grains.Count; i++)
        {
            Assert.AreEqual(5, read[i]!.Version, $"grain {i}");
            Assert.AreEqual($"grain {i}", read[i]!.Text);
        }
    }

    private static byte[] Bytes(int length, int seed)
    {
        // Seeded noise: incompressible, and a corrupted or truncated copy cannot compare equal by accident.
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
