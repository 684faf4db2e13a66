namespace HarmonySim.Silo.Testnet.Rpc;

/// <summary>A JSON-RPC error answer: one of <see cref="RpcErrors"/>' codes and a message naming what was wrong.</summary>
public sealed class RpcException(int code, string message) : Exception(message)
{
    public int Code { get; } = code;
}
