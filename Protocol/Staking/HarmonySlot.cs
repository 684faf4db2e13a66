using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Crypto;

namespace HarmonySim.Protocol.Staking;

/// <summary>A Harmony-operated key and the account that runs it; it keeps no effective stake (reference §3.4, §4.3 step 7).</summary>
public sealed record HarmonySlot(PublicKey Key, Address Owner);
