namespace HarmonySim.Simulation.Testnet;

/// <summary>
/// One validator in a <see cref="StakingSnapshot"/>: its registration, its status, whether it holds a slot this epoch
/// (<see cref="InCommittee"/>) and whether the current state would elect it next (<see cref="ElectedNext"/>), its
/// rewards paid so far and this epoch's signing counters, and its delegations (self-delegation included).
/// </summary>
public sealed record ValidatorView(
    string Address,
    IReadOnlyList<string> SlotKeys,
    ValidatorText Description,
    decimal Rate,
    decimal MaxRate,
    decimal MaxChangeRate,
    string MinSelfDelegation,
    string MaxTotalDelegation,
    string Status,
    ulong CreationEpoch,
    ulong LastEpochInCommittee,
    string TotalDelegation,
    bool InCommittee,
    bool ElectedNext,
    string? ExcludedBecause,
    string LifetimeReward,
    ulong EpochToSign,
    ulong EpochSigned,
    IReadOnlyList<DelegationView> Delegations);

/// <summary>A validator's description fields, as registered.</summary>
public sealed record ValidatorText(string Name, string Identity, string Website, string SecurityContact, string Details);
