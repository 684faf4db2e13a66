namespace HarmonySim.Silo.Commands;

/// <summary>
/// The exit codes of <c>harmonysim</c> (README "Running a scenario"): scripts and CI tell a failed check from bad
/// input, a bug in the simulator and an interrupted run. 130 and 143 follow the shell's 128 + signal number.
/// </summary>
public static class ExitCodes
{
    public const int Passed = 0;
    public const int CheckFailed = 1;
    public const int BadInput = 2;
    public const int InternalError = 3;

    /// <summary>
    /// <c>harmonysim silo</c>, <c>run --cluster</c>, <c>run --dashboard</c>, <c>runs</c>: something outside the command is
    /// not there — the cluster's storage cannot be reached or refuses access, a port is taken (a silo's, the dashboard's), no silo of the cluster answers, or a
    /// durable run could not be resumed in time. Unlike bad input (2), the same command may work once the outside is fixed.
    /// </summary>
    public const int Unavailable = 4;
    public const int Interrupted = 130;
    public const int Terminated = 143;

    /// <summary>The exit codes as <c>--help</c> shows them.</summary>
    public const string Help =
        "Exit codes: 0 every check passed, 1 a check failed, 2 bad input (nothing ran), 3 an internal error " +
        "(stack trace in a log file), 4 unavailable: with --cluster storage or the cluster unreachable, with --dashboard its port taken, 130 interrupted by Ctrl-C (SIGINT), 143 stopped by SIGTERM.";
}
