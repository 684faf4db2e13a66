namespace HarmonySim.Simulation.Testnet;

/// <summary>An account on a shard's committed ledger: balance in atto-ONE (a decimal string) and its next nonce.</summary>
public sealed record AccountState(string Balance, ulong Nonce);
