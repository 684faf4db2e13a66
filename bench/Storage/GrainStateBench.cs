using System.Diagnostics;
using HarmonySim.Grains.Interfaces.Runs;
using HarmonySim.Grains.Runs.Durable;
using Orleans.Storage;

namespace HarmonySim.Bench.Storage;

/// <summary>
/// Grain-state writes and reads through one grain storage provider, with the state types durable runs store: the
/// checkpoint (<see cref="StoredCheckpoint"/>, rewritten at the checkpoint cadence) and a plan of about 100 kB
/// (<see cref="StoredPlan"/>; mainnet-2020's is 123 kB). One caller on one grain, then <c>writers</c> callers on
/// distinct grains at once (the silos of a cluster checkpointing many runs). Every write carries the ETag of the
/// previous one, as an activation's <c>WriteStateAsync</c> does; every read fills a fresh state, as an activation does.
/// </summary>
internal sealed class GrainStateBench(IGrainStorage storage, IGrainStorageSerializer serializer, TimeSpan duration)
{
    /// <summary>The large state's plan text: ASCII letters and digits, so JSON carries it without escapes, as it carries a plan.</summary>
    private static readonly string PlanText = MakeText(100_000);

    public sealed record Row(string Operation, int Callers, Samples Samples);

    /// <summary>The checkpoint's rows: its serialized size, then writes and reads, sequential and concurrent.</summary>
    public Task<(int Bytes, IReadOnlyList<Row> Rows)> Checkpoint(int writers) =>
        Measure("checkpoint", n => new StoredCheckpoint
        {
            Steps = n, State = RunState.Running, SimulatedTicks = n * TimeSpan.TicksPerSecond * 5, UpdatedUtc = DateTime.UtcNow,
        }, writers);

    /// <summary>The large state's rows, like <see cref="Checkpoint"/>.</summary>
    public Task<(int Bytes, IReadOnlyList<Row> Rows)> Large(int writers) =>
        Measure("plan", n => new StoredPlan { PlanJson = PlanText, StepTicks = n, SubmittedUtc = DateTime.UtcNow }, writers);

    private async Task<(int Bytes, IReadOnlyList<Row> Rows)> Measure<T>(string stateName, Func<int, T> make, int writers)
    {
        var bytes = serializer.Serialize(make(0)).ToMemory().Length;
        var kind = Guid.NewGuid().ToString("N");
        var one = new[] { GrainId.Create("bench-state", $"{kind}-single") };
        var many = Enumerable.Range(0, writers).Select(i => GrainId.Create("bench-state", $"{kind}-{i}")).ToArray();
        var rows = new List<Row>
        {
            new("write", 1, await Writes(stateName, one, make)),
            new("read", 1, await Reads<T>(stateName, one)),
            new("write", writers, await Writes(stateName, many, make)),
            new("read", writers, await Reads<T>(stateName, many)),
        };
        return (bytes, rows);
    }

    private async Task<Samples> Writes<T>(string stateName, GrainId[] grains, Func<int, T> make)
    {
        // Untimed: each grain's first write creates its record (no ETag), the next ones warm the connection pool and the
        // JIT (at least 30 writes in all: the first rows measured were otherwise slower than later ones for that alone).
        var states = grains.Select(_ => new GrainState<T>(make(0))).ToArray();
        var warm = Math.Max(3, 30 / grains.Length);
        await Task.WhenAll(grains.Select(async (grain, i) =>
        {
            for (var n = 0; n < warm; n++)
            {
                states[i].State = make(n);
                await storage.WriteStateAsync(stateName, grain, states[i]);
            }
        }));
        var samples = new Samples();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(grains.Select(async (grain, i) =>
        {
            for (var n = warm; clock.Elapsed < duration; n++)
            {
                states[i].State = make(n);
                await samples.Time(() => storage.WriteStateAsync(stateName, grain, states[i]));
            }
        }));
        samples.Wall = clock.Elapsed;
        return samples;
    }

    private async Task<Samples> Reads<T>(string stateName, GrainId[] grains)
    {
        var samples = new Samples();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(grains.Select(async grain =>
        {
            while (clock.Elapsed < duration)
            {
                await samples.Time(async () =>
                {
                    var state = new GrainState<T>();
                    await storage.ReadStateAsync(stateName, grain, state);
                    if (!state.RecordExists) throw new InvalidOperationException($"grain {grain}: the state written before reads back as absent");
                });
            }
        }));
        samples.Wall = clock.Elapsed;
        return samples;
    }

    private static string MakeText(int length)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        // A fixed seed: the same text, so the same bytes on the wire, in every run of the benchmark.
        var random = new Random(15);
        return string.Create(length, random, (span, r) =>
        {
            for (var i = 0; i < span.Length; i++) span[i] = alphabet[r.Next(alphabet.Length)];
        });
    }
}
