namespace HarmonySim.Silo.Scenarios;

/// <summary>
/// Something in a valid scenario that probably does not do what its author meant (the run still goes ahead and the
/// exit code is unchanged); located like a <see cref="ScenarioError"/>.
/// </summary>
public sealed record ScenarioWarning(string File, int Line, int Column, string Field, string Message)
{
    /// <summary><c>file:line:column: field.path: warning: message</c>.</summary>
    public override string ToString() => $"{File}:{Line}:{Column}: {Field}: warning: {Message}";
}
