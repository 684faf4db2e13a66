namespace HarmonySim.Simulation.Validators;

/// <summary>What a node computed in one step: the basis of the CPU cost model and of the report's signature count.</summary>
public readonly record struct OperationCounts(int Signs, int Verifies, int AggregateVerifies, int BlockValidations)
{
    public static OperationCounts None => default;

    public long SignatureChecks => Verifies + AggregateVerifies;

    public static OperationCounts operator -(OperationCounts after, OperationCounts before) =>
        new(after.Signs - before.Signs, after.Verifies - before.Verifies, after.AggregateVerifies - before.AggregateVerifies, after.BlockValidations - before.BlockValidations);
}
