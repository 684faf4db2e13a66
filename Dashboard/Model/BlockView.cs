namespace HarmonySim.Dashboard.Model;

/// <summary>
/// A canonical block as the dashboard shows it: height, commit time (virtual seconds), view, signers and the keys that
/// did not sign, the leader, its round (announce to first honest commit) and the round's two FBFT phases (announce to
/// PREPARED, PREPARED to commit) when known, and the share of voting power that signed it (stake-weighted in a staking
/// run), so a missing large validator shows as the power it holds rather than as one key.
/// </summary>
public sealed record BlockView(ulong Height, double T, ulong View, int Signers, int Missing, int Leader, double? ProposedAt,
    double? PreparedAt = null, double? SigningPower = null)
{
    public double? Finality => ProposedAt is { } p ? T - p : null;

    public double? PreparePhase => ProposedAt is { } p && PreparedAt is { } q ? q - p : null;

    public double? CommitPhase => PreparedAt is { } q ? T - q : null;

    public double? MissingPower => SigningPower is { } s ? Math.Max(0, 1 - s) : null;
}

/// <summary>A line of the event timeline: a fault, a view change, evidence, a slash, a jail, an election.</summary>
public sealed record TimelineEntry(double T, int Shard, string Kind, IReadOnlyDictionary<string, string> Fields);
