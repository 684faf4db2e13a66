using HarmonySim.Protocol.Consensus;

namespace HarmonySim.Simulation.Validators;

/// <summary>
/// What a node computed in one step: its signature operations (counted by the state machine, plus the extra votes its
/// behaviour signed) and the full block validations its validator ran. The basis of the CPU cost model and of the
/// report's signature count.
/// </summary>
public readonly record struct OperationCounts(NodeOperations Signatures, int BlockValidations, long Transactions = 0)
{
    public static OperationCounts None => default;

    public long SignatureChecks => Signatures.Verifies + Signatures.AggregateVerifies;

    public static OperationCounts operator -(OperationCounts after, OperationCounts before) =>
        new(after.Signatures - before.Signatures, after.BlockValidations - before.BlockValidations, after.Transactions - before.Transactions);
}
