namespace HarmonySim.Simulation.Testnet;

/// <summary>
/// A cross-shard receipt a destination shard credited: the source transaction's hash, its parties and shards, the
/// amount (atto-ONE, a decimal string) and the destination block that credited it (Harmony's getCXReceiptByHash).
/// </summary>
public sealed record CreditedReceipt(string TxHash, string From, string To, uint ShardId, uint ToShardId, string Value, ulong BlockNumber, string BlockHash);
