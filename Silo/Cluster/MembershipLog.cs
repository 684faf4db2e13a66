using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace HarmonySim.Silo.Cluster;

/// <summary>
/// Logs every change of a silo's status in the cluster as this silo sees it (joined, shutting down, dead), so an
/// operator can follow the cluster from any one silo's log.
/// </summary>
internal sealed partial class MembershipLog(IClusterMembershipService membership, ILocalSiloDetails local, ILogger<MembershipLog> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var known = new Dictionary<SiloAddress, SiloStatus>();
        try
        {
            await foreach (var snapshot in membership.MembershipUpdates.WithCancellation(stoppingToken))
            {
                foreach (var (address, member) in snapshot.Members.OrderBy(m => m.Key.ToString(), StringComparer.Ordinal))
                {
                    if (known.TryGetValue(address, out var before) && before == member.Status) continue;
                    known[address] = member.Status;
                    var who = address.Equals(local.SiloAddress) ? "this silo" : "silo";
                    var active = snapshot.Members.Values.Count(m => m.Status == SiloStatus.Active);
                    Changed(logger, who, address, member.Name, member.Status, snapshot.Version.Value, active);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping: nothing more to report.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "membership: {Who} {Address} ({Name}) is {Status} (table version {Version}, {Active} active)")]
    private static partial void Changed(ILogger logger, string who, SiloAddress address, string name, SiloStatus status, long version, int active);
}
