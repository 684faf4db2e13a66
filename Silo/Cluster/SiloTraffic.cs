using System.Diagnostics.Metrics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace HarmonySim.Silo.Cluster;

/// <summary>
/// Counts the messages and bytes this silo sends and receives over the network, split into traffic with other silos
/// and traffic with clients through its gateway, and logs the totals when the silo stops. Bytes crossing silos per
/// simulated second are what decides whether a run spread over several machines is bound by their network
/// (bench/cluster.sh reads the line).
/// </summary>
/// <remarks>
/// The figures are Orleans' own (meter <c>Microsoft.Orleans</c>, histograms <c>orleans-messaging-sent-messages-size</c>
/// and <c>orleans-messaging-received-messages-size</c>, one measurement per message with its header, tagged with the
/// connection's direction). Orleans records them only at its socket connections, so calls between grains of one silo
/// never count. Only this silo's meter is listened to, so several silos in one process (tests) do not count each
/// other. Registered before Orleans' own hosted service, it starts before the silo and stops after it: start-up,
/// membership probes and shutdown traffic are in the totals. It only reads Orleans' measurements and changes nothing
/// a run computes.
/// </remarks>
internal sealed partial class SiloTraffic(OrleansInstruments instruments, ILogger<SiloTraffic> logger) : IHostedService, IDisposable
{
    private const string SentSize = "orleans-messaging-sent-messages-size";
    private const string ReceivedSize = "orleans-messaging-received-messages-size";
    private const string DirectionTag = "ConnectionDirection";
    // Orleans' ConnectionDirection for a connection between two silos; the others are GatewayToClient (this silo's
    // gateway side of a client connection) and ClientToGateway (a client's side, not seen in a silo).
    private const string SiloToSilo = "SiloToSilo";

    private readonly MeterListener _listener = new();
    // [silo sent, silo received, client sent, client received] × [messages, bytes]
    private readonly long[] _messages = new long[4];
    private readonly long[] _bytes = new long[4];

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter, instruments.Meter) && instrument.Name is SentSize or ReceivedSize)
                listener.EnableMeasurementEvents(instrument, instrument.Name == SentSize);
        };
        _listener.SetMeasurementEventCallback<int>(Record);
        _listener.Start();
        return Task.CompletedTask;
    }

    private void Record(Instrument instrument, int bytes, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        var sent = (bool)state!;
        var silo = false;
        foreach (var tag in tags)
        {
            if (tag.Key == DirectionTag)
            {
                silo = tag.Value?.ToString() == SiloToSilo;
                break;
            }
        }
        var slot = (silo ? 0 : 2) + (sent ? 0 : 1);
        Interlocked.Increment(ref _messages[slot]);
        Interlocked.Add(ref _bytes[slot], bytes);
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _listener.Dispose();
        Totals(logger, _messages[0], _bytes[0], _messages[1], _bytes[1], _messages[2], _bytes[2], _messages[3], _bytes[3]);
        return Task.CompletedTask;
    }

    public void Dispose() => _listener.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message =
        "network totals: silos sent {SiloSentMessages} messages {SiloSentBytes} bytes, received {SiloReceivedMessages} messages {SiloReceivedBytes} bytes; " +
        "clients sent {ClientSentMessages} messages {ClientSentBytes} bytes, received {ClientReceivedMessages} messages {ClientReceivedBytes} bytes")]
    private static partial void Totals(ILogger logger, long siloSentMessages, long siloSentBytes, long siloReceivedMessages, long siloReceivedBytes,
        long clientSentMessages, long clientSentBytes, long clientReceivedMessages, long clientReceivedBytes);
}
