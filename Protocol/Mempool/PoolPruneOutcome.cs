using HarmonySim.Protocol.Chain.Transactions;

namespace HarmonySim.Protocol.Mempool;

/// <summary>
/// What <see cref="TxPool.Prune"/> removed: <see cref="Included"/>, whose nonces the committed ledger has used (normally
/// because a block included them), and <see cref="Dropped"/>, which can no longer apply on it (the balance no longer
/// covers them, or their nonces no longer follow the account's).
/// </summary>
public sealed record PoolPruneOutcome(IReadOnlyList<SignedTransfer> Included, IReadOnlyList<SignedTransfer> Dropped)
{
    public int IncludedCount => Included.Count;
    public int DroppedCount => Dropped.Count;
}
