namespace HarmonySim.Silo.Runs;

/// <summary>
/// Input from outside a run, carried into the shards between two steps, where every shard stands at the same
/// virtual time, so the time it enters at is the host's choice and can be journaled and replayed.
/// </summary>
public interface IStepInput
{
    /// <summary>Hands the input due at <paramref name="now"/> to the shards; true while replaying recorded input (no pacing then).</summary>
    Task<bool> BetweenSteps(IGrainFactory grains, TimeSpan now, CancellationToken cancellation);
}
