namespace HarmonySim.Simulation.Sync;

/// <summary>One block as a sync fetches it: its bytes in a body response, its header's bytes, and the transactions re-executing it runs.</summary>
public readonly record struct FetchedBlock(int Bytes, int HeaderBytes, int Transactions);
