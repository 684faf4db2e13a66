namespace HarmonySim.Silo.Testnet.Rpc;

/// <summary>One request to a method: the shard its endpoint serves, its parameters, and the base URL other shards are reached at.</summary>
public sealed record RpcCall(int Shard, RpcParams Params, string BaseUrl);
