namespace HarmonySim.Silo.Testnet;

/// <summary>An accepted outside transaction: the virtual time it entered, its shard and its encoded bytes.</summary>
public sealed record JournalEntry(TimeSpan At, int Shard, byte[] Transaction);
