using HarmonySim.Simulation.Validators;

namespace HarmonySim.Simulation.Plans;

/// <summary>Virtual CPU time per operation a node performs; its messages leave, and its next inputs start, only after it.</summary>

public sealed record CostPlan(
    TimeSpan Sign,
    TimeSpan Verify,
    TimeSpan AggregateVerify,
    TimeSpan BlockValidation)
{
    public TimeSpan Of(OperationCounts ops) =>
        Sign * ops.Signatures.Signs + Verify * ops.Signatures.Verifies + AggregateVerify * ops.Signatures.AggregateVerifies
        + BlockValidation * ops.BlockValidations;
}
