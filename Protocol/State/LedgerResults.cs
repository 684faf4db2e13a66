using HarmonySim.Protocol.Chain.Receipts;

namespace HarmonySim.Protocol.State;

/// <summary>
/// The outcome of a transfer: the new ledger and, for a cross-shard transfer, the receipt to deliver; or the reason it
/// was refused (the old ledger is then unchanged).
/// </summary>
public sealed record TransferResult(ShardLedger? Ledger, CXReceipt? Receipt, string? Rejection)
{
    public bool Accepted => Rejection is null;

    public static TransferResult Reject(string reason) => new(null, null, reason);
}

/// <summary>The outcome of crediting an incoming receipts proof: the new ledger, or the reason it was refused.</summary>
public sealed record IncomingResult(ShardLedger? Ledger, string? Rejection)
{
    public bool Accepted => Rejection is null;

    public static IncomingResult Reject(string reason) => new(null, reason);
}
