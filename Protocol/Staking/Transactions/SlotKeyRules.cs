using HarmonySim.Protocol.Crypto;
using HarmonySim.Protocol.Staking.State;

namespace HarmonySim.Protocol.Staking.Transactions;

/// <summary>The slot-key rules of reference §4.2: not a Harmony key, not held by any validator, proof verifies.</summary>
internal static class SlotKeyRules
{
    /// <summary>Checks one new key; <paramref name="taken"/> holds the keys already in use (all validators', and earlier keys of the same message).</summary>
    public static Rejection? Check(SlotKeyWithProof? slot, string field, ISet<PublicKey> taken, StakingParameters p)
    {
        if (slot?.Key is null) return new Rejection(field, "slot key is missing");
        if (p.HarmonyKeys.Contains(slot.Key)) return new Rejection(field, $"key {slot.Key.ShortName} is a Harmony-operated key");
        if (taken.Contains(slot.Key)) return new Rejection(field, $"key {slot.Key.ShortName} is a duplicate or already used by a validator");
        if (!p.ProofVerifies(slot)) return new Rejection(field, $"the proof of key {slot.Key.ShortName} does not verify");
        return null;
    }
}
