namespace HarmonySim.Simulation.Testnet;

/// <summary>
/// A canonical block as a testnet's readers see it: header fields, hashes as 0x hex, and its transactions' hashes
/// in block order. Plain values only, so it crosses silos as JSON like the kernel's other records.
/// </summary>
public sealed record ChainBlock(
    int Shard,
    ulong Number,
    string Hash,
    string ParentHash,
    string StateRoot,
    string TransactionsRoot,
    string Miner,
    ulong Timestamp,
    ulong GasLimit,
    ulong GasUsed,
    ulong Epoch,
    ulong ViewId,
    int Size,
    IReadOnlyList<string> Transactions);
