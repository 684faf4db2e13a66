namespace HarmonySim.Simulation.Testnet;

/// <summary>
/// A transaction in a testnet's canonical chain with where it is and what it did: its hash and, for a wallet's
/// transaction, its hash in the other wallet form (Harmony's for an Ethereum transaction, Ethereum's for a Harmony
/// one), the block, its fields (amounts in atto-ONE as decimal strings) and its signature. An outside staking
/// transaction has <see cref="Format"/> "staking", its directive in <see cref="StakingDirective"/>, its sender as
/// <see cref="To"/> too, what it deposited as <see cref="Value"/> and no gas used (staking pays none here).
/// </summary>
public sealed record ChainTransaction(
    string Hash,
    string? OtherHash,
    string Format,
    int Shard,
    ulong BlockNumber,
    string BlockHash,
    int Index,
    string From,
    string To,
    uint ShardId,
    uint ToShardId,
    string Value,
    ulong Nonce,
    ulong Gas,
    string GasPrice,
    ulong GasUsed,
    ulong CumulativeGasUsed,
    ulong ChainId,
    ulong V,
    string R,
    string S,
    ulong Timestamp)
{
    /// <summary>A staking transaction's directive as Harmony names it (CreateValidator, Delegate, …); null for a transfer.</summary>
    public string? StakingDirective { get; init; }
}
