namespace HarmonySim.Silo.Testnet.Rpc;

/// <summary>JSON-RPC 2.0's error codes, and the server-defined ones geth and Harmony's node answer with.</summary>
public static class RpcErrors
{
    public const int ParseError = -32700;
    public const int InvalidRequest = -32600;
    public const int MethodNotFound = -32601;
    public const int InvalidParams = -32602;
    public const int InternalError = -32603;

    /// <summary>A server error: a transaction refused, state not kept (geth's -32000).</summary>
    public const int ServerError = -32000;

    /// <summary>A request over a limit: size, batch or rate (EIP-1474's "limit exceeded").</summary>
    public const int LimitExceeded = -32005;

    public static RpcException Params(string message) => new(InvalidParams, message);
}
