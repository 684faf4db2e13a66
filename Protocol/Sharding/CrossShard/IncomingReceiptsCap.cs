using HarmonySim.Protocol.Chain.Receipts;

namespace HarmonySim.Protocol.Sharding.CrossShard;

/// <summary>
/// The per-block limit on incoming receipts (reference §3.5: a destination block includes at most 6000). A block
/// producer takes pending proofs in arrival order while their receipts fit, and stops at the first that does not, so a
/// later small proof never overtakes an earlier large one; what is left waits for the next block.
/// </summary>
public static class IncomingReceiptsCap
{
    /// <summary>Harmony's limit on receipts included in one block.</summary>
    public const int Harmony = 6000;

    /// <summary>
    /// Splits <paramref name="pending"/> (in arrival order) into the proofs one block includes and those deferred. A
    /// single proof larger than the cap is never includable; it is returned in <c>TooLarge</c> rather than blocking the queue.
    /// </summary>
    public static (IReadOnlyList<CXReceiptsProof> Included, IReadOnlyList<CXReceiptsProof> Deferred, IReadOnlyList<CXReceiptsProof> TooLarge)
        Select(IReadOnlyList<CXReceiptsProof> pending, int maxReceiptsPerBlock = Harmony)
    {
        ArgumentNullException.ThrowIfNull(pending);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxReceiptsPerBlock);
        List<CXReceiptsProof> included = [], deferred = [], tooLarge = [];
        var used = 0;
        foreach (var proof in pending)
        {
            var n = proof.Receipts.Count;
            if (n > maxReceiptsPerBlock) tooLarge.Add(proof);
            else if (deferred.Count == 0 && used + n <= maxReceiptsPerBlock)
            {
                included.Add(proof);
                used += n;
            }
            else deferred.Add(proof);
        }
        return (included, deferred, tooLarge);
    }
}
