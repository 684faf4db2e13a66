namespace HarmonySim.Silo.Cluster;

/// <summary>
/// The configuration keys of a cluster silo (README "Running a cluster"). Environment variables spell ':' as "__",
/// with or without the HARMONYSIM_ prefix: <c>HARMONYSIM_Storage__Provider=azure</c>.
/// </summary>
public static class ClusterKeys
{
    public const string Provider = "Storage:Provider";
    public const string ConnectionString = "Storage:ConnectionString";
    public const string TableEndpoint = "Storage:TableEndpoint";
    public const string BlobEndpoint = "Storage:BlobEndpoint";
    public const string ClusterId = "Cluster:ClusterId";
    public const string ServiceId = "Cluster:ServiceId";
    public const string SiloPort = "Cluster:SiloPort";
    public const string GatewayPort = "Cluster:GatewayPort";
    public const string AdvertisedAddress = "Cluster:AdvertisedAddress";

    /// <summary>The sections a command line may set; anything else there is a typo, reported rather than ignored.</summary>
    public static readonly string[] Sections = ["Storage", "Cluster", "Logging"];
}
