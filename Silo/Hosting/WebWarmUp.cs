using System.Net.Sockets;
using System.Text;

namespace HarmonySim.Silo.Hosting;

/// <summary>
/// The first request an ASP.NET Core host serves builds its route table, and the first scrape compiles the Prometheus
/// exporter's collection and serialisation: about 170 ms of one core on mainnet-2020 (bench/RESULTS.md, "Watching a
/// run"), which a scraper's first poll would otherwise take from the run. One request to <c>/metrics</c> made while the
/// run's grains start (one core is mostly idle then) moves that cost out of the run; later scrapes cost 5–12 ms.
/// The request is a plain HTTP/1.1 GET on a socket rather than an <c>HttpClient</c> call: the client's own first use
/// compiles about 200 more methods, a cost the warm-up would otherwise add to every watched run.
/// </summary>
public static class WebWarmUp
{
    public static async Task Run(Uri address, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(address);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        try
        {
            using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            await socket.ConnectAsync(address.Host, address.Port, timeout.Token);
            var request = Encoding.ASCII.GetBytes($"GET /metrics HTTP/1.1\r\nHost: {address.Authority}\r\nConnection: close\r\n\r\n");
            await socket.SendAsync(request, SocketFlags.None, timeout.Token);
            var buffer = new byte[64 * 1024];
            while (await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token) > 0)
            {
                // Read to the end: the server closes the connection once the response is written.
            }
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            // A warm-up that fails changes nothing but the first scrape's latency; the run goes on.
        }
    }
}
