namespace HarmonySim.Grains.Runs.Durable;

/// <summary>The cluster's list of runs (see <see cref="IRunIndexGrain"/>), persisted so it outlives every silo.</summary>
public sealed class RunIndexGrain([PersistentState("index", RunStorage.Provider)] IPersistentState<RunIndexGrain.Index> index) : Grain, IRunIndexGrain
{
    /// <summary>The most runs listed; older ones drop off (their own checkpoints stay in storage).</summary>
    private const int Kept = 1000;

    public async Task Update(RunSummary run)
    {
        var runs = index.State.Runs.Where(r => r.RunId != run.RunId).Append(run)
            .OrderByDescending(r => r.SubmittedUtc).ThenBy(r => r.RunId, StringComparer.Ordinal).Take(Kept).ToList();
        index.State = new Index { Runs = runs };
        await index.WriteStateAsync();
    }

    public Task<IReadOnlyList<RunSummary>> List() => Task.FromResult<IReadOnlyList<RunSummary>>(index.State.Runs);

    [GenerateSerializer]
    public sealed record Index
    {
        [Id(0)] public List<RunSummary> Runs { get; init; } = [];
    }
}
