namespace HarmonySim.Silo.Cluster;

/// <summary>
/// The cluster a client command needs cannot be reached: no silo answers, or a run could not be resumed in time.
/// The message is one line for the terminal (exit 4, <c>ExitCodes.Unavailable</c>).
/// </summary>
public sealed class ClusterUnavailableException : Exception
{
    public ClusterUnavailableException() { }

    public ClusterUnavailableException(string message) : base(message) { }

    public ClusterUnavailableException(string message, Exception inner) : base(message, inner) { }
}
