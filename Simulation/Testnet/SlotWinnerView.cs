namespace HarmonySim.Simulation.Testnet;

/// <summary>A key the current state would elect: its owner, the BLS key (hex), its raw stake and its effective (EPoS) stake, and its shard.</summary>
public sealed record SlotWinnerView(string Owner, string Key, string RawStake, string EffectiveStake, int Shard);

/// <summary>A slot of this epoch's committees: shard, BLS key, owner, and whether Harmony operates it.</summary>
public sealed record CommitteeMemberView(int Shard, string Key, string Owner, bool HarmonyOperated, string? EffectiveStake);
