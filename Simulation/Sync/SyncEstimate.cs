namespace HarmonySim.Simulation.Sync;

/// <summary>What one sync costs: the path it took, the bytes it downloaded and how long it took, in virtual milliseconds.</summary>
public sealed record SyncEstimate(SyncMethod Method, long Bytes, double Ms);
