using System.Runtime.InteropServices;

namespace HarmonySim.Silo.Commands;

/// <summary>
/// Turns the first SIGINT or SIGTERM into a cancellation the runner sees between steps, so a run stops promptly and
/// still writes its folder; a second signal exits at once.
/// </summary>
/// <remarks>
/// PosixSignalRegistration rather than System.CommandLine's cancellation: System.CommandLine cancels the token and,
/// after its ProcessTerminationTimeout, returns from Invoke whether or not the run folder has been written, and it
/// does not let us exit immediately on a second Ctrl-C. Here the run decides when it is done, and the exit code
/// (130 or 143) says which signal stopped it. (On Windows, SIGINT and SIGTERM map to Ctrl-C and Ctrl-Close.)
/// </remarks>
public sealed class StopSignals : IDisposable
{
    private readonly CancellationTokenSource _stop;
    private readonly PosixSignalRegistration[] _registrations;
    private int _signal;

    public StopSignals(CancellationToken outer = default)
    {
        _stop = CancellationTokenSource.CreateLinkedTokenSource(outer);
        _registrations = [PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal), PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal)];
    }

    /// <summary>Cancelled by the first signal (or by the outer token).</summary>
    public CancellationToken Token => _stop.Token;

    /// <summary>The signal that stopped the run, if any.</summary>
    public PosixSignal? Signal => Volatile.Read(ref _signal) switch { 0 => null, var s => (PosixSignal)s };

    /// <summary>130 after SIGINT, 143 after SIGTERM; <see cref="ExitCodes.Interrupted"/> when the outer token cancelled.</summary>
    public int ExitCode => Signal == PosixSignal.SIGTERM ? ExitCodes.Terminated : ExitCodes.Interrupted;

    public static string Name(PosixSignal? signal) => signal switch
    {
        PosixSignal.SIGINT => "SIGINT",
        PosixSignal.SIGTERM => "SIGTERM",
        _ => "cancellation",
    };

    private void OnSignal(PosixSignalContext context)
    {
        // Keep the process alive: the run stops at its next step and writes what it has.
        context.Cancel = true;
        if (Interlocked.CompareExchange(ref _signal, (int)context.Signal, 0) != 0)
        {
            // A second signal: the user does not want to wait for the folder.
            Environment.Exit(context.Signal == PosixSignal.SIGTERM ? ExitCodes.Terminated : ExitCodes.Interrupted);
        }
        _stop.Cancel();
    }

    public void Dispose()
    {
        foreach (var r in _registrations) r.Dispose();
        _stop.Dispose();
    }
}
