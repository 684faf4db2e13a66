using System.Numerics;
using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Consensus;
using HarmonySim.Protocol.Crypto;

namespace HarmonySim.Protocol.Staking;

/// <summary>
/// Harmony's EPoS election for the next epoch (reference §4.3, §3.4; §10 facts 12–13). Pure and deterministic:
/// the same inputs give the same committees on every node.
/// </summary>
public static class EposElection
{
    /// <summary>
    /// Runs the auction.
    /// <paramref name="candidates"/> come in Harmony's validator-list order (creation order): that order decides which
    /// validator keeps a key claimed twice. <paramref name="harmonySlots"/>[i] lists shard i's Harmony-operated keys
    /// in committee order, exactly <see cref="EposParameters.HarmonySlotsPerShard"/> each.
    /// <paramref name="otherHarmonyKeys"/> are the instance's further Harmony accounts that hold no seat: Harmony checks
    /// validators' keys against all of them.
    /// </summary>
    public static ElectionResult Compute(
        IReadOnlyList<ValidatorCandidate> candidates,
        IReadOnlyList<IReadOnlyList<HarmonySlot>> harmonySlots,
        EposParameters parameters,
        bool zeroToSignIsBelow = false,
        IEnumerable<PublicKey>? otherHarmonyKeys = null)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(harmonySlots);
        ArgumentNullException.ThrowIfNull(parameters);
        parameters.Validate();
        var shards = parameters.ShardCount;
        if (harmonySlots.Count != shards)
            throw new ArgumentException($"Harmony keys for {harmonySlots.Count} shards, expected {shards}", nameof(harmonySlots));
        for (var s = 0; s < shards; s++)
            if (harmonySlots[s].Count != parameters.HarmonySlotsPerShard)
                throw new ArgumentException($"shard {s} has {harmonySlots[s].Count} Harmony keys, expected {parameters.HarmonySlotsPerShard}", nameof(harmonySlots));

        // Step 2: keys already claimed — every Harmony key, then each eligible validator's keys in candidate order.
        var harmonyKeys = harmonySlots.SelectMany(shard => shard.Select(slot => slot.Key)).Concat(otherHarmonyKeys ?? []).ToHashSet();
        var claimed = new HashSet<PublicKey>(harmonyKeys);

        var excluded = new List<Exclusion>();
        var orders = new List<(Address Address, BigInteger Stake, List<PublicKey> Keys)>();
        foreach (var candidate in candidates)
        {
            if (Eligibility.Check(candidate, zeroToSignIsBelow) is { } reason)
            {
                excluded.Add(new Exclusion(candidate.Address, reason));
                continue;
            }
            if (candidate.TotalStake.Sign < 0)
                throw new ArgumentException($"validator {candidate.Address} has negative stake", nameof(candidates));
            // As prepareOrders does: a validator with any key already claimed (a Harmony key, an earlier validator's
            // key, or its own key listed twice) is dropped whole; its unclaimed keys are still marked claimed.
            ExclusionReason? conflict = null;
            foreach (var key in candidate.SlotKeys)
            {
                if (!claimed.Add(key))
                    conflict ??= harmonyKeys.Contains(key) ? ExclusionReason.HarmonyKey : ExclusionReason.DuplicateKey;
            }
            if (conflict is { } c)
            {
                excluded.Add(new Exclusion(candidate.Address, c));
                continue;
            }
            var kept = ApplySlotsLimit(candidate.SlotKeys, shards, parameters.EffectiveSlotsLimit);
            if (kept.Count == 0)
            {
                excluded.Add(new Exclusion(candidate.Address, ExclusionReason.NoKeys));
                continue;
            }
            orders.Add((candidate.Address, candidate.TotalStake, kept));
        }

        // Step 3: bids. Per-key bid = stake / kept keys, BigInteger division, which rounds down to the atto
        // (stakes are non-negative). Harmony keeps 18 further decimals (numeric.Dec QuoInt64, truncating), so two
        // bids that differ by less than one atto-ONE tie here and fall back to address order.
        orders.Sort((x, y) => AddressOrder.Instance.Compare(x.Address, y.Address));
        var purchases = new List<(Address Address, PublicKey Key, BigInteger Bid)>();
        foreach (var (address, stake, keys) in orders)
        {
            var bid = stake / keys.Count;
            foreach (var key in keys) purchases.Add((address, key, bid));
        }
        // Stable sort by bid descending: OrderByDescending is stable, so ties keep address order, then key order.
        var ranked = purchases.OrderByDescending(p => p.Bid).ToList();

        // Step 4: the top pull keys.
        var picks = ranked.Take(parameters.Pull).ToList();
        if (picks.Count == 0)
        {
            var none = new ElectionSummary(0, BigInteger.Zero, new int[shards], new int[shards]);
            return new ElectionResult(false, [], [], none, excluded);
        }

        // Steps 5–6: median of the picks' raw stake, effective stake clamped to [(1−c)m, (1+c)m].
        var median = EffectiveStake.Median(picks.Select(p => p.Bid));
        var (lower, upper) = EffectiveStake.Bounds(median, parameters.Bound);

        // Step 7 and §3.4: per shard, Harmony keys first in their given order, then winners by descending bid.
        var committees = new List<CommitteeSlot>[shards];
        for (var s = 0; s < shards; s++)
            committees[s] = [.. harmonySlots[s].Select(h => new CommitteeSlot(h.Key, h.Owner))];
        var winners = new List<ElectedKey>(picks.Count);
        var external = new int[shards];
        foreach (var (address, key, bid) in picks)
        {
            var shard = ShardAssignment.ShardOf(key, shards);
            var effective = BigInteger.Clamp(bid, lower, upper);
            winners.Add(new ElectedKey(address, key, bid, effective, shard));
            committees[shard].Add(new CommitteeSlot(key, address, effective));
            external[shard]++;
        }
        var summary = new ElectionSummary(
            picks.Count,
            median,
            [.. committees.Select(c => c.Count)],
            external);
        return new ElectionResult(true, committees, winners, summary, excluded);
    }

    /// <summary>
    /// HIP-16: walking the validator's keys in their registered order, keep a key while fewer than
    /// <paramref name="slotsLimit"/> of its kept keys map to the same shard; 0 keeps all.
    /// </summary>
    public static List<PublicKey> ApplySlotsLimit(IReadOnlyList<PublicKey> keys, int shardCount, int slotsLimit)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (slotsLimit <= 0) return [.. keys];
        var perShard = new int[shardCount];
        var kept = new List<PublicKey>(keys.Count);
        foreach (var key in keys)
        {
            var shard = ShardAssignment.ShardOf(key, shardCount);
            if (perShard[shard] < slotsLimit)
            {
                perShard[shard]++;
                kept.Add(key);
            }
        }
        return kept;
    }
}
