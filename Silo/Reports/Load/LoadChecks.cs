
namespace HarmonySim.Silo.Reports.Load;

/// <summary>
/// <c>transactions_accounted</c> (a run with a load section): on every shard each offered load transaction is
/// exactly one of rejected, evicted (or dropped), finalised, or still pending in the pool at the end; none is
/// counted twice or lost. The pending count comes from the shard's own pool, the others from the streamed records.
/// </summary>
public static class LoadChecks
{
    public static IEnumerable<CheckResult> Checks(RunRecord result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Plan.Load is null) yield break;
        var problems = new List<string>();
        foreach (var t in result.LoadTallies)
        {
            var pending = result.Shards[t.Shard].LoadPending;
            var accounted = t.RejectedTotal + t.Evicted + t.Finalised + pending;
            if (accounted != t.Offered)
                problems.Add($"shard {t.Shard}: offered {t.Offered} ≠ rejected {t.RejectedTotal} + evicted {t.Evicted} + finalised {t.Finalised} + pending {pending}");
        }
        var offered = result.LoadTallies.Sum(t => t.Offered);
        yield return new CheckResult("transactions_accounted", problems.Count == 0, problems.Count == 0
            ? $"{offered} offered = {result.LoadTallies.Sum(t => t.RejectedTotal)} rejected + {result.LoadTallies.Sum(t => t.Evicted)} evicted + {result.LoadTallies.Sum(t => t.Finalised)} finalised + {result.Shards.Sum(s => s.LoadPending)} pending"
            : string.Join("; ", problems));
    }
}
