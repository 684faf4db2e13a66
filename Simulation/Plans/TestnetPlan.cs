namespace HarmonySim.Simulation.Plans;

/// <summary>
/// A testnet's part of a plan: the network takes transactions from outside (JSON-RPC) into every shard's mempool, at
/// the virtual times the host chooses, and keeps an index of its canonical chain for reads. <paramref name="Genesis"/>
/// funds accounts by address on their shards' genesis ledgers; <see cref="ChainId"/> is Harmony's chain id the
/// transfers are signed for (2, the testnet family's, whose Ethereum-compatible ids are 1666700000 + shard).
/// </summary>
public sealed record TestnetPlan(IReadOnlyList<GenesisGrantPlan> Genesis)
{
    public const ulong TestnetChainId = 2;

    public ulong ChainId { get; init; } = TestnetChainId;

    /// <summary>The faucet (<c>hmy_faucet</c>), whose account <see cref="Genesis"/> funds on every shard; null for none.</summary>
    public FaucetPlan? Faucet { get; init; }

    /// <summary>The shards' mempool rules (Harmony's defaults).</summary>
    public MempoolPlan Mempool { get; init; } = new();
}

/// <summary>A genesis grant: <paramref name="Balance"/> ONE to <paramref name="Address"/> (0x hex, 20 bytes) on <paramref name="Shard"/>.</summary>
public sealed record GenesisGrantPlan(string Address, int Shard, decimal Balance);
