using HarmonySim.Protocol.Consensus;
using HarmonySim.Protocol.Crypto;
using HarmonySim.Protocol.Staking;

namespace HarmonySim.Protocol.Sharding.Randomness;

/// <summary>
/// The <c>randomness</c> resharding policy: the election's winners are the same as under Harmony's rule (same keys,
/// same effective stake, same median) but their shards come from the epoch's Rnd instead of from their key bytes,
/// so a key's shard is unknown when the key is registered and bid. See docs/RESHARDING.md.
/// </summary>
public static class RandomnessResharding
{
    /// <summary>
    /// Full reshuffle. The winners are permuted uniformly at random (Fisher–Yates over a <see cref="RndStream"/>
    /// keyed by <paramref name="rnd"/>, purpose "reshard") and dealt round-robin: the winner at position p of the
    /// permutation goes to shard p mod S, so every shard gets ⌊W/S⌋ or ⌊W/S⌋ + 1 of the W winners (shards 0 … W mod S − 1
    /// the extra one). Each committee is laid out as <see cref="EposElection.Compute"/> lays it out: the shard's Harmony
    /// slots first in their given order, then its winners in winner (bid) order. Winners keep their order in
    /// <see cref="ElectionResult.Winners"/>; only <see cref="ElectedKey.Shard"/> changes. An election without winners
    /// is returned as it is.
    /// </summary>
    public static ElectionResult Reassign(
        ElectionResult election,
        IReadOnlyList<IReadOnlyList<HarmonySlot>> harmonySlots,
        EposParameters parameters,
        Hash32 rnd)
    {
        Check(election, harmonySlots, parameters);
        if (!election.HasWinners) return election;
        var shards = parameters.ShardCount;
        var order = Enumerable.Range(0, election.Winners.Count).ToArray();
        new RndStream(rnd, "reshard").Shuffle(order);
        var shardOf = new int[order.Length];
        for (var p = 0; p < order.Length; p++) shardOf[order[p]] = p % shards;
        return Build(election, harmonySlots, parameters, shardOf);
    }

    /// <summary>
    /// Bounded cuckoo-rule reshuffle against the previous epoch's committees (<paramref name="previousCommittees"/>[s]
    /// is shard s's slot list; only external slots count). With W winners and S shards, shard s has capacity
    /// ⌊W/S⌋ (+1 for s &lt; W mod S), and, drawing from a <see cref="RndStream"/> keyed by <paramref name="rnd"/>
    /// (purpose "cuckoo"):
    /// <list type="number">
    /// <item>Stayers — winners that held an external slot in shard s &lt; S last epoch — stay in s. Where a shard's
    /// stayers exceed its capacity, a uniformly random excess is displaced.</item>
    /// <item>Newcomers — every other winner — are taken in a random order. Each picks a uniformly random shard s,
    /// evicts min(<paramref name="evictionsPerJoin"/>, unmoved stayers of s) uniformly random stayers of s that have not
    /// moved yet, and takes a free seat in s (if s has none even after the evictions, it joins the evicted).</item>
    /// <item>The displaced, the evicted and the unseated newcomers, in random order, are dealt onto the remaining free
    /// seats in random order (an evicted key may land back in its old shard).</item>
    /// </list>
    /// So committee sizes are as even as in <see cref="Reassign"/>, and at most displaced + newcomers ×
    /// <paramref name="evictionsPerJoin"/> continuing keys change shard per epoch. Without a previous assignment every
    /// winner is a newcomer, nobody is evicted and the placement is uniform at random subject to the capacities.
    /// </summary>
    public static CuckooReassignment ReassignCuckoo(
        ElectionResult election,
        IReadOnlyList<IReadOnlyList<HarmonySlot>> harmonySlots,
        EposParameters parameters,
        Hash32 rnd,
        IReadOnlyList<IReadOnlyList<CommitteeSlot>> previousCommittees,
        int evictionsPerJoin)
    {
        Check(election, harmonySlots, parameters);
        ArgumentNullException.ThrowIfNull(previousCommittees);
        ArgumentOutOfRangeException.ThrowIfNegative(evictionsPerJoin);
        if (!election.HasWinners) return new CuckooReassignment(election, 0, 0, 0, 0);

        var shards = parameters.ShardCount;
        var winners = election.Winners;
        var stream = new RndStream(rnd, "cuckoo");
        var previous = new Dictionary<PublicKey, int>();
        for (var s = 0; s < Math.Min(shards, previousCommittees.Count); s++)
            foreach (var slot in previousCommittees[s])
                if (!slot.IsHarmonyOperated) previous.TryAdd(slot.Key, s);

        var free = new int[shards];
        for (var s = 0; s < shards; s++) free[s] = winners.Count / shards + (s < winners.Count % shards ? 1 : 0);
        var shardOf = new int[winners.Count];
        Array.Fill(shardOf, -1);
        var stayers = Enumerable.Range(0, shards).Select(_ => new List<int>()).ToArray();
        var newcomers = new List<int>();
        for (var w = 0; w < winners.Count; w++)
        {
            if (previous.TryGetValue(winners[w].Key, out var s)) stayers[s].Add(w);
            else newcomers.Add(w);
        }

        // 1. Stayers keep their shard up to its capacity; a random excess is displaced.
        var pool = new List<int>();
        var displaced = 0;
        for (var s = 0; s < shards; s++)
        {
            stream.Shuffle(stayers[s]);
            while (stayers[s].Count > free[s])
            {
                pool.Add(stayers[s][^1]);
                stayers[s].RemoveAt(stayers[s].Count - 1);
                displaced++;
            }
            free[s] -= stayers[s].Count;
        }

        // 2. Newcomers land on random shards and evict a bounded random set of that shard's unmoved stayers. The
        //    stayer lists are already shuffled, so taking from the end is a uniformly random choice.
        stream.Shuffle(newcomers);
        var evicted = 0;
        foreach (var w in newcomers)
        {
            var s = stream.NextBelow(shards);
            for (var e = 0; e < evictionsPerJoin && stayers[s].Count > 0; e++)
            {
                pool.Add(stayers[s][^1]);
                stayers[s].RemoveAt(stayers[s].Count - 1);
                free[s]++;
                evicted++;
            }
            if (free[s] > 0)
            {
                shardOf[w] = s;
                free[s]--;
            }
            else pool.Add(w);
        }
        for (var s = 0; s < shards; s++)
            foreach (var w in stayers[s]) shardOf[w] = s;

        // 3. Everyone still unseated is dealt onto the free seats, both in random order.
        var seats = new List<int>();
        for (var s = 0; s < shards; s++)
            for (var i = 0; i < free[s]; i++) seats.Add(s);
        stream.Shuffle(pool);
        stream.Shuffle(seats);
        for (var i = 0; i < pool.Count; i++) shardOf[pool[i]] = seats[i];

        var moved = 0;
        for (var w = 0; w < winners.Count; w++)
            if (previous.TryGetValue(winners[w].Key, out var before) && before != shardOf[w]) moved++;
        return new CuckooReassignment(Build(election, harmonySlots, parameters, shardOf), newcomers.Count, evicted, displaced, moved);
    }

    private static void Check(ElectionResult election, IReadOnlyList<IReadOnlyList<HarmonySlot>> harmonySlots, EposParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(election);
        ArgumentNullException.ThrowIfNull(harmonySlots);
        ArgumentNullException.ThrowIfNull(parameters);
        parameters.Validate();
        if (!election.HasWinners) return;
        var shards = parameters.ShardCount;
        if (harmonySlots.Count != shards || election.Committees.Count != shards)
            throw new ArgumentException($"expected {shards} shards of Harmony keys and committees", nameof(harmonySlots));
        if (election.Winners.Count > parameters.Pull)
            throw new ArgumentException($"{election.Winners.Count} winners exceed the pull of {parameters.Pull}", nameof(election));
        // The Harmony slots must be the ones the election laid out, so the new committees keep them unchanged.
        for (var s = 0; s < shards; s++)
        {
            var committee = election.Committees[s];
            if (harmonySlots[s].Count != parameters.HarmonySlotsPerShard || committee.Count < harmonySlots[s].Count)
                throw new ArgumentException($"shard {s}: Harmony slots do not match the election", nameof(harmonySlots));
            for (var i = 0; i < harmonySlots[s].Count; i++)
                if (!committee[i].IsHarmonyOperated || !committee[i].Key.Equals(harmonySlots[s][i].Key))
                    throw new ArgumentException($"shard {s} slot {i}: Harmony slots do not match the election", nameof(harmonySlots));
        }
    }

    /// <summary>The result with each winner w on shard <paramref name="shardOf"/>[w]: Harmony slots first, then winners in winner order.</summary>
    private static ElectionResult Build(ElectionResult election, IReadOnlyList<IReadOnlyList<HarmonySlot>> harmonySlots,
        EposParameters parameters, int[] shardOf)
    {
        var shards = parameters.ShardCount;
        var committees = new List<CommitteeSlot>[shards];
        for (var s = 0; s < shards; s++)
            committees[s] = [.. harmonySlots[s].Select(h => new CommitteeSlot(h.Key, h.Owner))];
        var winners = new List<ElectedKey>(election.Winners.Count);
        var external = new int[shards];
        for (var w = 0; w < election.Winners.Count; w++)
        {
            var winner = election.Winners[w] with { Shard = shardOf[w] };
            winners.Add(winner);
            committees[winner.Shard].Add(new CommitteeSlot(winner.Key, winner.Validator, winner.EffectiveStake));
            external[winner.Shard]++;
        }
        var summary = election.Summary with
        {
            KeysPerShard = [.. committees.Select(c => c.Count)],
            ExternalKeysPerShard = external,
        };
        return election with { Committees = committees, Winners = winners, Summary = summary };
    }
}

/// <summary>
/// The outcome of <see cref="RandomnessResharding.ReassignCuckoo"/>: the new election result, how many winners were
/// newcomers, how many continuing keys newcomers evicted, how many were displaced by capacity, and how many continuing
/// keys ended on a different shard than last epoch (evicted or displaced keys may land back where they were).
/// </summary>
public sealed record CuckooReassignment(ElectionResult Result, int Newcomers, int Evicted, int Displaced, int Moved);
