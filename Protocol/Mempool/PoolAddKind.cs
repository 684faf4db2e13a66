namespace HarmonySim.Protocol.Mempool;

/// <summary>What <see cref="TxPool.Add"/> did with a transaction.</summary>
public enum PoolAddKind
{
    /// <summary>Added as a new pending transaction.</summary>
    Accepted,

    /// <summary>Took the place of the sender's pending transaction with the same nonce.</summary>
    Replaced,

    /// <summary>Added to a full pool by evicting a cheaper pending transaction.</summary>
    AcceptedWithEviction,

    /// <summary>Refused; the pool is unchanged.</summary>
    Rejected,
}
