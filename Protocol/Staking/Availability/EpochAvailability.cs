using HarmonySim.Protocol.Chain;

namespace HarmonySim.Protocol.Staking.Availability;

/// <summary>A staked validator at the last beacon block of an epoch: status, committee membership and counters now and at the epoch start.</summary>
public sealed record ValidatorAvailability(Address Validator, ValidatorStatus Status, bool InCurrentCommittee, SigningCounters Now, SigningCounters EpochStart)
{
    public SigningCounters Epoch => Now - EpochStart;
}

/// <summary>A status change made at the end of an epoch.</summary>
public sealed record StatusChange(Address Validator, ValidatorStatus From, ValidatorStatus To, string Reason);

/// <summary>
/// The end-of-epoch availability transition (reference §5.3): every validator of the current committee whose epoch
/// counters are below threshold becomes Inactive ("manually turned inactive or insufficient uptime"); no stake is
/// taken. Banned validators stay Banned; validators already Inactive or outside the committee are untouched.
/// </summary>
public static class EpochAvailability
{
    public const string InsufficientUptime = "manually turned inactive or insufficient uptime";

    public static IReadOnlyList<StatusChange> EndOfEpoch(IEnumerable<ValidatorAvailability> validators) =>
        [.. validators
            .Where(v => v.InCurrentCommittee && v.Status == ValidatorStatus.Active && AvailabilityThreshold.IsBelowThreshold(v.Epoch))
            .Select(v => new StatusChange(v.Validator, v.Status, ValidatorStatus.Inactive, InsufficientUptime))];
}
