namespace HarmonySim.Simulation.Testnet;

/// <summary>
/// An account on a shard's committed ledger: balance in atto-ONE (a decimal string), its next nonce, and its next
/// nonce counting the transactions the mempool holds for it (what a wallet numbers its next transaction with).
/// </summary>
public sealed record AccountState(string Balance, ulong Nonce, ulong PendingNonce);
