using HarmonySim.Cluster.Tests.Azurite;
using HarmonySim.Cluster.Tests.Commands;
using HarmonySim.Silo.Cluster;

namespace HarmonySim.Cluster.Tests.Faults;

/// <summary>
/// A cluster of <c>harmonysim silo</c> child processes on Azurite, on loopback ports that ascend in start order
/// (silos sort by address, and shard placement follows that order). Membership is tuned for the tests: a killed
/// silo is declared dead within seconds; checkpoints are written every second of wall time.
/// </summary>
internal sealed class SiloCluster : IDisposable
{
    private readonly List<SiloProcess> _silos = [];
    private readonly Dictionary<string, string> _environment;
    private readonly int _basePort;

    public SiloCluster(AzuriteServer azurite)
    {
        Settings = Storage.TestSilo.SettingsFor(azurite);
        _basePort = AscendingPorts(6);
        _environment = new Dictionary<string, string>
        {
            ["HARMONYSIM_Storage__Provider"] = "azure",
            ["HARMONYSIM_Storage__ConnectionString"] = azurite.ConnectionString,
            ["HARMONYSIM_Cluster__ClusterId"] = Settings.ClusterId,
            ["HARMONYSIM_Cluster__ServiceId"] = Settings.ServiceId,
            ["HARMONYSIM_Cluster__AdvertisedAddress"] = "127.0.0.1",
            // Probes every 3 s, dead after 3 missed: a killed silo (its port refuses at once) is gone in about 10 s,
            // while a silo stalled a few seconds by a busy machine is not declared dead.
            ["HARMONYSIM_Cluster__Membership__ProbeTimeout"] = "00:00:03",
            ["HARMONYSIM_Cluster__Membership__NumMissedProbesLimit"] = "3",
            ["HARMONYSIM_Cluster__Checkpoints__Interval"] = "00:00:01",
        };
    }

    public ClusterSettings Settings { get; }

    /// <summary>The settings a client uses (the first silo's gateway, for the memory provider only; Azure finds them in the table).</summary>
    public IReadOnlyDictionary<string, string> Environment => _environment;

    public IReadOnlyList<SiloProcess> Silos => _silos;

    public int SiloPort(int index) => _basePort + 2 * index;

    /// <summary>Starts the next silo and waits until it serves.</summary>
    public async Task<SiloProcess> StartSilo()
    {
        var index = _silos.Count;
        var silo = SiloProcess.Start(_environment, "--silo-port", $"{SiloPort(index)}", "--gateway-port", $"{SiloPort(index) + 1}");
        _silos.Add(silo);
        Assert.IsTrue(await silo.WaitServing(), $"silo {index} did not come up.\n{silo.Output}\n{silo.Error}");
        return silo;
    }

    /// <summary>A free run of <paramref name="count"/> consecutive loopback ports (checked by binding each).</summary>
    private static int AscendingPorts(int count)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var start = Random.Shared.Next(20000, 60000);
            var listeners = new List<System.Net.Sockets.TcpListener>();
            try
            {
                for (var p = start; p < start + count; p++)
                {
                    var l = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, p);
                    l.Start();
                    listeners.Add(l);
                }
                return start;
            }
            catch (System.Net.Sockets.SocketException)
            {
                // Taken: try another run.
            }
            finally
            {
                foreach (var l in listeners) l.Stop();
            }
        }
        throw new InvalidOperationException("no run of free ports found");
    }

    public void Dispose()
    {
        foreach (var silo in _silos) silo.Dispose();
    }
}
