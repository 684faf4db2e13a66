namespace HarmonySim.Silo.Testnet;

/// <summary>A transaction received over RPC, waiting for the next step; its answer is null when the shard's pool took it, else why not.</summary>
public sealed record PendingSubmission(int Shard, byte[] Transaction)
{
    public TaskCompletionSource<string?> Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
