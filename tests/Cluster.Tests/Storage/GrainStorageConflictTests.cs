using HarmonySim.Cluster.Tests.TestGrains;
using HarmonySim.Silo.Cluster;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace HarmonySim.Cluster.Tests.Storage;

/// <summary>
/// The providers' optimistic concurrency, driven through <see cref="IGrainStorage"/> directly (two activations of one
/// grain cannot be made to race on purpose): a write with a stale ETag raises <see cref="InconsistentStateException"/>
/// and changes nothing; of writers racing from the same ETag exactly one wins.
/// </summary>
[TestClass]
public sealed class GrainStorageConflictTests
{
    private const string StateName = "payload";

    [TestMethod]
    [DataRow(StorageNames.Blob)]
    [DataRow(StorageNames.Table)]
    public async Task A_write_with_a_stale_etag_raises_InconsistentStateException_and_changes_nothing(string provider)
    {
        var (storage, grain) = await Open(provider);
        var first = new GrainState<Payload>(new Payload { Version = 1 });
        await storage.WriteStateAsync(StateName, grain, first);
        var stale = first.ETag;
        Assert.IsNotNull(stale);

        var second = new GrainState<Payload>(new Payload { Version = 2 }) { ETag = stale, RecordExists = true };
        await storage.WriteStateAsync(StateName, grain, second);
        Assert.AreNotEqual(stale, second.ETag);

        var late = new GrainState<Payload>(new Payload { Version = 3 }) { ETag = stale, RecordExists = true };
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(StateName, grain, late));
        Assert.AreEqual(2, (await Read(storage, grain)).State!.Version);
    }

    [TestMethod]
    [DataRow(StorageNames.Blob)]
    [DataRow(StorageNames.Table)]
    public async Task Creating_state_that_another_writer_created_first_is_a_conflict(string provider)
    {
        var (storage, grain) = await Open(provider);
        await storage.WriteStateAsync(StateName, grain, new GrainState<Payload>(new Payload { Version = 1 }));
        // No ETag means "this record does not exist yet": it does.
        var blind = new GrainState<Payload>(new Payload { Version = 9 });
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(StateName, grain, blind));
        Assert.AreEqual(1, (await Read(storage, grain)).State!.Version);
    }

    [TestMethod]
    [DataRow(StorageNames.Blob)]
    [DataRow(StorageNames.Table)]
    public async Task Clear_with_a_stale_etag_is_a_conflict_and_with_the_current_one_removes_the_record(string provider)
    {
        var (storage, grain) = await Open(provider);
        var state = new GrainState<Payload>(new Payload { Version = 1 });
        await storage.WriteStateAsync(StateName, grain, state);
        var stale = state.ETag;
        await storage.WriteStateAsync(StateName, grain, state);

        await Assert.ThrowsAsync<InconsistentStateException>(() =>
            storage.ClearStateAsync(StateName, grain, new GrainState<Payload>(new Payload()) { ETag = stale, RecordExists = true }));
        await storage.ClearStateAsync(StateName, grain, state);
        Assert.IsFalse((await Read(storage, grain)).RecordExists);
    }

    [TestMethod]
    [DataRow(StorageNames.Blob)]
    [DataRow(StorageNames.Table)]
    public async Task Of_eight_writers_racing_from_the_same_etag_exactly_one_wins(string provider)
    {
        var (storage, grain) = await Open(provider);
        var start = new GrainState<Payload>(new Payload { Version = 0 });
        await storage.WriteStateAsync(StateName, grain, start);

        var outcomes = await Task.WhenAll(Enumerable.Range(1, 8).Select(async v =>
        {
            var attempt = new GrainState<Payload>(new Payload { Version = v }) { ETag = start.ETag, RecordExists = true };
            try
            {
                await storage.WriteStateAsync(StateName, grain, attempt);
                return v;
            }
            catch (InconsistentStateException)
            {
                return 0;
            }
        }));

        var winners = outcomes.Where(v => v != 0).ToList();
        Assert.HasCount(1, winners, $"outcomes: {string.Join(", ", outcomes)}");
        Assert.AreEqual(winners[0], (await Read(storage, grain)).State!.Version, "the stored state is the winner's");
    }

    private static async Task<(IGrainStorage Storage, GrainId Grain)> Open(string provider)
    {
        var silo = await SharedSilo.Get();
        var storage = silo.Host.Services.GetRequiredKeyedService<IGrainStorage>(provider);
        return (storage, GrainId.Create("conflict-test", Guid.NewGuid().ToString("N")));
    }

    private static async Task<GrainState<Payload>> Read(IGrainStorage storage, GrainId grain)
    {
        var state = new GrainState<Payload>(new Payload());
        await storage.ReadStateAsync(StateName, grain, state);
        return state;
    }
}
