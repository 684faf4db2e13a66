using System.Net;
using System.Net.Sockets;

namespace HarmonySim.Silo.Cluster;

/// <summary>
/// Checks that a silo's ports are free before it starts. Orleans' listener sets SO_REUSEPORT, so a second silo on a
/// taken port does not fail: it listens beside the first and the kernel splits the connections between two silos
/// that know nothing of each other. A plain listener (no SO_REUSEPORT) cannot bind a port someone listens on.
/// </summary>
public static class PortCheck
{
    /// <summary>Null when both ports are free; otherwise which one is taken, naming its key.</summary>
    public static string? Taken(ClusterSettings settings)
    {
        // Memory silos listen on loopback; azure silos on every interface (ClusterSiloHost).
        var address = settings.Provider == StorageProvider.Memory ? IPAddress.Loopback : IPAddress.Any;
        foreach (var (port, key) in new[] { (settings.SiloPort, ClusterKeys.SiloPort), (settings.GatewayPort, ClusterKeys.GatewayPort) })
            if (Taken(address, port, key) is { } why) return why;
        return null;
    }

    /// <summary>Null when <paramref name="port"/> is free on <paramref name="address"/>; otherwise why not, naming <paramref name="key"/>.</summary>
    public static string? Taken(IPAddress address, int port, string key)
    {
        var listener = new TcpListener(address, port);
        try
        {
            listener.Start();
            return null;
        }
        catch (SocketException e) when (e.SocketErrorCode is SocketError.AddressAlreadyInUse or SocketError.AccessDenied)
        {
            return $"port {port} ({key}) is {(e.SocketErrorCode == SocketError.AccessDenied ? "not allowed for this user" : "already in use")}";
        }
        finally
        {
            listener.Stop();
        }
    }
}
