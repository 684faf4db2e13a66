namespace HarmonySim.Silo.Cluster;

/// <summary>
/// The grain storage providers a cluster silo registers, by the name a grain's <c>[PersistentState(name, provider)]</c>
/// uses. Both exist with either <see cref="StorageProvider"/>, so a grain never depends on how the silo was configured.
/// </summary>
public static class StorageNames
{
    /// <summary>Blob storage, also Orleans' default provider: no size limit worth naming, so checkpoints and large state go here.</summary>
    public const string Blob = "blob";

    /// <summary>Table storage: small, frequently written records (an Azure Table entity holds at most about 1 MiB).</summary>
    public const string Table = "table";
}
