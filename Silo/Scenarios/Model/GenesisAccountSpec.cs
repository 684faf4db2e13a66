namespace HarmonySim.Silo.Scenarios.Model;

/// <summary>A testnet config's funded account: its 20-byte address as 0x hex, its shard and its genesis balance in ONE.</summary>
public sealed record GenesisAccountSpec
{
    public string Address { get; init; } = "";
    public int Shard { get; init; }
    public decimal Balance { get; init; }
}
