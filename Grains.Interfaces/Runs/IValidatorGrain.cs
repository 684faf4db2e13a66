namespace HarmonySim.Grains.Interfaces.Runs;

/// <summary>
/// A validator node: holds its keys and the FBFT state machine for its shard, and applies its scenario behaviour
/// to what the node sends. Key: "{runId}/{nodeId}". It never talks to other validators; the shard network grain
/// feeds it and carries out its output.
/// </summary>
public interface IValidatorGrain : IGrainWithStringKey
{
    /// <summary>Builds the node's seat in <paramref name="shard"/> from the plan (at its chain head, for a restart) and starts it; one output per replica.</summary>
    Task<IReadOnlyList<ValidatorOutput>> Start(RunPlan plan, int node, TimeSpan now, bool restart, int shard);

    /// <summary>Feeds one replica of the node's seat in a shard (replica 0 unless it is split-brain) everything due at one instant.</summary>
    Task<ValidatorOutput> Step(ValidatorInput input);
}
