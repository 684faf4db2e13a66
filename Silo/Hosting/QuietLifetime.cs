using Microsoft.Extensions.Hosting;

namespace HarmonySim.Silo.Hosting;

/// <summary>
/// The embedded silos' host lifetime: unlike the default ConsoleLifetime, it does not take over SIGINT and SIGTERM
/// (ConsoleLifetime cancels them, so Ctrl-C never reached the run) nor block process exit waiting for the host.
/// The command that owns the silos decides what a signal means and stops them itself.
/// </summary>
internal sealed class QuietLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
