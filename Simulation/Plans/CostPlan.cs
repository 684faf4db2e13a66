using HarmonySim.Simulation.Validators;

namespace HarmonySim.Simulation.Plans;

/// <summary>Virtual CPU time per operation a node performs; its messages leave, and its next inputs start, only after it.</summary>

public sealed record CostPlan(
    TimeSpan Sign,
    TimeSpan Verify,
    TimeSpan AggregateVerify,
    TimeSpan BlockValidation)
{
    /// <summary>Executing one transaction (recovering its sender and applying it), when building or validating a block.</summary>
    public TimeSpan TransactionExecution { get; init; }

    public TimeSpan Of(OperationCounts ops) =>
        Sign * ops.Signatures.Signs + Verify * ops.Signatures.Verifies + AggregateVerify * ops.Signatures.AggregateVerifies
        + BlockValidation * ops.BlockValidations + TransactionExecution * ops.Transactions;
}
