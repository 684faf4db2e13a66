using System.Numerics;
using System.Security.Cryptography;
using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Consensus;
using HarmonySim.Protocol.Consensus.Messages;
using HarmonySim.Protocol.Consensus.Quorum;
using HarmonySim.Protocol.Crypto;
using HarmonySim.Protocol.Crypto.Simulated;

namespace HarmonySim.Protocol.Tests.Staking;

/// <summary>
/// A shard-0 committee for epoch 800 with real (simulated-scheme) keys: slots 0–1 Harmony-operated, slots 2–3 owned by
/// validator V, slot 4 by W, slot 5 by X; external stakes 3, 3, 2, 2 million ONE; Harmony vote share 0.49.
/// </summary>
internal sealed class SlashingFixture
{
    public const ulong Epoch = 800;
    public static readonly BigInteger Atto = BigInteger.Pow(10, 18);
    public static readonly Address V = EposBuilder.Addr(1), W = EposBuilder.Addr(2), X = EposBuilder.Addr(3), HarmonyOwner = EposBuilder.Addr(99), Leader = EposBuilder.Addr(7);

    public SlashingFixture(ulong seed = 5)
    {
        Scheme = new SimulatedSignatureScheme(seed);
        Keys = [.. Enumerable.Range(0, 6).Select(i => Scheme.CreateKey(SHA256.HashData(BitConverter.GetBytes(i + 77))))];
        Address[] owners = [HarmonyOwner, HarmonyOwner, V, V, W, X];
        BigInteger?[] stakes = [null, null, 3_000_000 * Atto, 3_000_000 * Atto, 2_000_000 * Atto, 2_000_000 * Atto];
        Committee = new Committee(0, Epoch, [.. Enumerable.Range(0, 6).Select(i => new CommitteeSlot(Keys[i].Public, owners[i], stakes[i]))],
            Scheme, QuorumMode.ByVotingPower, VotingPower.FromDecimal(0.49m));
    }

    public SimulatedSignatureScheme Scheme { get; }
    public KeyPair[] Keys { get; }
    public Committee Committee { get; }

    public static Hash32 HashOf(int n) => new(SHA256.HashData(BitConverter.GetBytes(n)));

    /// <summary>A COMMIT for <paramref name="hash"/> at height 1000, view 1002, signed by the secret keys <paramref name="signers"/> and naming <paramref name="senders"/>.</summary>
    public Vote Commit(Hash32 hash, int[] senders, int[]? signers = null)
    {
        var payload = SigningPayloads.Commit(1000, hash, 1002);
        var signature = Scheme.Aggregate((signers ?? senders).Select(i => Scheme.Sign(Keys[i].Secret, payload)));
        return new Vote(MessageType.Commit, 0, 1002, 1000, hash, [.. senders.Select(i => Keys[i].Public)], signature);
    }

    public DoubleSignEvidence Evidence(Vote first, Vote second, int offender = 2) =>
        new(Keys[offender].Public, 1000, 1002, first, second);
}
