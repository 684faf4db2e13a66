namespace HarmonySim.Grains.Interfaces.Runs;

/// <summary>
/// A durable run asked to step or finish on an activation that does not hold it live (its silo was lost, or a call
/// of the last step failed part-way): the client resumes it from its last checkpoint.
/// </summary>
[GenerateSerializer]
public sealed class RunNotLiveException : Exception
{
    public RunNotLiveException() { }

    public RunNotLiveException(string message) : base(message) { }

    public RunNotLiveException(string message, Exception inner) : base(message, inner) { }
}
