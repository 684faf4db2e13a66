namespace HarmonySim.Simulation.Testnet;

/// <summary>
/// A transaction in a testnet's canonical chain with where it is and what it did: its hash and, for a wallet's
/// transaction, its hash in the other wallet form (Harmony's for an Ethereum transaction, Ethereum's for a Harmony
/// one), the block, its fields (amounts in atto-ONE as decimal strings) and its signature.
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
    ulong Timestamp);
