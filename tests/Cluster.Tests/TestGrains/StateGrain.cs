using HarmonySim.Silo.Cluster;

namespace HarmonySim.Cluster.Tests.TestGrains;

/// <summary>
/// Persists a <see cref="Payload"/> with <c>IPersistentState&lt;T&gt;</c> in both of a cluster silo's providers; a key
/// starting with "table/" uses the table provider, anything else the blob one, so one grain class tests both.
/// </summary>
public sealed class StateGrain(
    [PersistentState("payload", StorageNames.Blob)] IPersistentState<Payload> blob,
    [PersistentState("payload", StorageNames.Table)] IPersistentState<Payload> table) : Grain, IStateGrain
{
    private IPersistentState<Payload> State => this.GetPrimaryKeyString().StartsWith("table/", StringComparison.Ordinal) ? table : blob;

    public async Task Write(Payload payload)
    {
        State.State = payload;
        await State.WriteStateAsync();
    }

    public Task<Payload?> Read() => Task.FromResult(State.RecordExists ? State.State : null);

    public Task Clear() => State.ClearStateAsync();

    public async Task<Payload?> Reload()
    {
        await State.ReadStateAsync();
        return State.RecordExists ? State.State : null;
    }

    public Task Deactivate()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}
