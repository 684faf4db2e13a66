namespace HarmonySim.Grains.Runs.Durable;

/// <summary>
/// The grain storage provider durable runs write to: blob storage, registered under this name by every cluster silo
/// (Silo/Cluster/StorageNames.Blob) over Azure Blob Storage or, with Storage:Provider memory, in memory. Blob rather
/// than table because a run's plan can exceed an Azure Table entity's ~1 MiB (mainnet-size node lists).
/// </summary>
public static class RunStorage
{
    public const string Provider = "blob";
}
