namespace HarmonySim.Protocol.Staking;

/// <summary>A validator's EPoS status (reference §5.3, <c>staking/effective/eligible.go</c>).</summary>
public enum ValidatorStatus
{
    Active,
    Inactive,
    Banned,
}
