using YamlDotNet.Core;

namespace HarmonySim.Silo.Scenarios;

/// <summary>A scenario file past one of the <see cref="ScenarioLimits"/>, or an alias no representation model should follow.</summary>
internal sealed class YamlLimitExceededException(Mark at, string reason) : Exception(reason)
{
    public Mark At { get; } = at;
}
