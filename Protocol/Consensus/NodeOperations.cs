namespace HarmonySim.Protocol.Consensus;

/// <summary>
/// How many signature-scheme operations a node has performed since it was built: one per call it made to
/// <c>Sign</c>, <c>Verify</c> and <c>VerifyAggregate</c>. Cumulative, so a host takes the difference around a step
/// (<see cref="Since"/>) to learn what that step cost; the node counts its own work, so the answer does not depend
/// on which thread or silo ran it.
/// </summary>
public readonly record struct NodeOperations(long Signs, long Verifies, long AggregateVerifies)
{
    public static NodeOperations None => default;

    /// <summary>What was done after <paramref name="before"/> was taken.</summary>
    public NodeOperations Since(NodeOperations before) => this - before;

    public static NodeOperations operator -(NodeOperations after, NodeOperations before) =>
        new(after.Signs - before.Signs, after.Verifies - before.Verifies, after.AggregateVerifies - before.AggregateVerifies);

    public static NodeOperations operator +(NodeOperations a, NodeOperations b) =>
        new(a.Signs + b.Signs, a.Verifies + b.Verifies, a.AggregateVerifies + b.AggregateVerifies);
}
