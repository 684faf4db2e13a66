namespace HarmonySim.Simulation.Testnet;

/// <summary>
/// The beacon chain's staking state as a testnet's readers see it, after the beacon's latest canonical block:
/// every validator with its delegations, the election the current state would give (median raw stake, winners), and
/// the totals. Amounts are atto-ONE as decimal strings, addresses 0x hex: plain values, so it crosses silos as JSON.
/// </summary>
public sealed record StakingSnapshot(
    ulong Epoch,
    ulong BlockNumber,
    ulong BlocksPerEpoch,
    string TotalStaking,
    string TotalSupply,
    string MedianRawStake,
    int ExternalSlots,
    IReadOnlyList<ValidatorView> Validators,
    IReadOnlyList<SlotWinnerView> NextWinners,
    IReadOnlyList<CommitteeMemberView> Committees);
