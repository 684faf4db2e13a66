using HarmonySim.Protocol.Chain.Transactions;

namespace HarmonySim.Protocol.Mempool;

/// <summary>
/// The outcome of <see cref="TxPool.Add"/>: the kind, the reason when rejected, the transaction that was replaced or
/// evicted when one was.
/// </summary>
public sealed record PoolAddOutcome(PoolAddKind Kind, PoolRejection? Rejection = null, SignedTransfer? Replaced = null, SignedTransfer? Evicted = null)
{
    // Outcomes without a transaction are shared: Add runs thousands of times a second.
    private static readonly PoolAddOutcome AcceptedOutcome = new(PoolAddKind.Accepted);
    private static readonly PoolAddOutcome[] Rejections = CreateRejections();

    public bool IsAccepted => Kind != PoolAddKind.Rejected;

    public static PoolAddOutcome Accepted() => AcceptedOutcome;

    public static PoolAddOutcome Replacing(SignedTransfer replaced) => new(PoolAddKind.Replaced, Replaced: replaced);

    public static PoolAddOutcome Evicting(SignedTransfer evicted) => new(PoolAddKind.AcceptedWithEviction, Evicted: evicted);

    public static PoolAddOutcome Reject(PoolRejection reason) => Rejections[(int)reason];

    private static PoolAddOutcome[] CreateRejections()
    {
        var reasons = Enum.GetValues<PoolRejection>();
        var result = new PoolAddOutcome[reasons.Length];
        foreach (var r in reasons) result[(int)r] = new(PoolAddKind.Rejected, r);
        return result;
    }
}
