using Orleans.Storage;
using Microsoft.Extensions.Logging;

namespace HarmonySim.Grains.Runs.Durable;

/// <summary>
/// Writes a durable run's checkpoint without ever failing the run: storage that is down costs this checkpoint (the
/// client keeps the records it covers until a later one lands), never the step. Reports what the write cost.
/// </summary>
public sealed class CheckpointWriter(IPersistentState<StoredCheckpoint> checkpoint, IGrainStorageSerializer? serializer, ILogger logger)
{
    /// <summary>The checkpoint's size as the storage provider's serializer writes it (for the cost log; 0 when unknown).</summary>
    public long Bytes(StoredCheckpoint state) => serializer?.Serialize(state).ToMemory().Length ?? 0;

    /// <summary>Wall time the last successful write took.</summary>
    public TimeSpan LastWrite { get; private set; }

    public async Task<bool> TryWrite(StoredCheckpoint wanted)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var previous = checkpoint.State;
        try
        {
            checkpoint.State = wanted;
            try
            {
                await checkpoint.WriteStateAsync();
            }
            catch (InconsistentStateException)
            {
                // A write whose answer was lost (storage restarted mid-request) may have landed and moved the ETag.
                // This grain is the checkpoint's only writer, so the stored ETag is taken and the write repeated.
                await checkpoint.ReadStateAsync();
                checkpoint.State = wanted;
                await checkpoint.WriteStateAsync();
            }
            LastWrite = clock.Elapsed;
            return true;
        }
#pragma warning disable CA1031 // Any storage failure (unreachable, throttled, refused) means the same: no checkpoint this time.
        catch (Exception e)
#pragma warning restore CA1031
        {
            // The state in memory says what storage holds as far as this grain knows: a failed write leaves it as it was.
            checkpoint.State = previous;
            if (logger.IsEnabled(LogLevel.Warning)) logger.LogWarning("checkpoint of {Steps} steps not written ({Error}); the run goes on and tries again at the next step", wanted.Steps, e.GetBaseException().Message);
            return false;
        }
    }
}
