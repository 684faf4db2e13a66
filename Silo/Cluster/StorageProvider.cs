namespace HarmonySim.Silo.Cluster;

/// <summary>Where a silo started by <c>harmonysim silo</c> keeps cluster membership and grain state.</summary>
public enum StorageProvider
{
    /// <summary>Localhost clustering and in-memory grain state: nothing to install, nothing survives the process.</summary>
    Memory,

    /// <summary>Azure Storage (or Azurite): membership in a table, grain state in blobs and tables, through Orleans' own providers.</summary>
    Azure,
}
