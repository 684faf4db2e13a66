namespace HarmonySim.Protocol.Chain.Transactions;

/// <summary>
/// Harmony's Ethereum-compatible chain ids (reference §1 and §8.2, <c>internal/params/config.go</c>): a network's base
/// plus the shard id, the bases 100,000 apart from mainnet's 1666600000 (Harmony chain id 1; testnet and localnet 2
/// share 1666700000, Pangaea 3 is 1666800000, the partner net 4 is 1666900000, stressnet 5 is 1667000000).
/// </summary>
public static class EthChainId
{
    public const ulong MainnetBase = 1_666_600_000;
    private const ulong Spacing = 100_000;
    private const ulong Networks = 5;

    /// <summary>The Ethereum-compatible chain id of <paramref name="shard"/> on the network with Harmony chain id <paramref name="harmonyChainId"/>.</summary>
    public static ulong Of(ulong harmonyChainId, uint shard) =>
        MainnetBase + (Math.Clamp(harmonyChainId, 1, Networks) - 1) * Spacing + shard;

    /// <summary>The shard an Ethereum-compatible chain id names, or null when it is none of Harmony's.</summary>
    public static uint? ShardOf(ulong ethChainId) =>
        ethChainId >= MainnetBase && ethChainId < MainnetBase + Networks * Spacing ? (uint)((ethChainId - MainnetBase) % Spacing) : null;
}
