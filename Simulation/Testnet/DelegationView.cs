namespace HarmonySim.Simulation.Testnet;

/// <summary>One delegation: the delegator (0x hex), its stake and unclaimed reward, and its locked undelegations (amount, epoch).</summary>
public sealed record DelegationView(string Delegator, string Amount, string Reward, IReadOnlyList<UndelegationView> Undelegations);

/// <summary>An undelegation still locked: its amount and the epoch it was made in.</summary>
public sealed record UndelegationView(string Amount, ulong Epoch);
