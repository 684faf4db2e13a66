namespace HarmonySim.Protocol.Mempool;

/// <summary>Why a <see cref="TxPool"/> refused a transaction (the names follow Harmony's <c>core/tx_pool.go</c> errors).</summary>
public enum PoolRejection
{
    /// <summary>The same transaction (same hash) is already pending.</summary>
    AlreadyKnown,

    /// <summary>Signed for another chain than the pool's ledger.</summary>
    WrongChainId,

    /// <summary>Sent on another shard than the pool's, or to a shard that does not exist.</summary>
    WrongShard,

    /// <summary>The amount is not positive (the ledger would refuse it).</summary>
    InvalidAmount,

    /// <summary>A gas limit below the 21,000 a transfer uses.</summary>
    IntrinsicGasTooLow,

    /// <summary>A gas limit above the block gas limit: it could never be included.</summary>
    GasAboveBlockLimit,

    /// <summary>A gas price below the pool's minimum.</summary>
    Underpriced,

    /// <summary>The signature does not recover to the transfer's sender.</summary>
    BadSignature,

    /// <summary>The nonce is below the sender's account nonce: already used.</summary>
    NonceTooLow,

    /// <summary>The nonce is past the sender's next free one (account nonce + pending count): future nonces are not queued.</summary>
    NonceGap,

    /// <summary>A replacement for a pending nonce that does not raise the gas price by the required bump.</summary>
    ReplacementUnderpriced,

    /// <summary>The sender's balance does not cover its pending transactions up to and including this one.</summary>
    InsufficientBalance,

    /// <summary>The pool is full and the transaction pays no more than the cheapest one it could evict.</summary>
    PoolFull,
}
