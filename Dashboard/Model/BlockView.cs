namespace HarmonySim.Dashboard.Model;

/// <summary>
/// A canonical block as the dashboard shows it: height, commit time (virtual seconds), view, signers and the keys that
/// did not sign, the leader, and its round (announce to first honest commit) when known.
/// </summary>
public sealed record BlockView(ulong Height, double T, ulong View, int Signers, int Missing, int Leader, double? ProposedAt, int? Transactions = null)
{
    public double? Finality => ProposedAt is { } p ? T - p : null;
}

/// <summary>A line of the event timeline: a fault, a view change, evidence, a slash, a jail, an election.</summary>
public sealed record TimelineEntry(double T, int Shard, string Kind, IReadOnlyDictionary<string, string> Fields);
