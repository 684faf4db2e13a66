using System.Collections.Immutable;
using System.Numerics;
using System.Text;
using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Crypto;
using HarmonySim.Protocol.Crypto.Bls;
using HarmonySim.Protocol.Staking.State;
using HarmonySim.Protocol.Staking.Transactions;

namespace HarmonySim.Protocol.Tests.Staking;

/// <summary>Test data for staking transactions: mainnet amounts in ONE, real BLS slot keys with proofs, and marker-proof keys.</summary>
internal static class StakingBuilder
{
    public static BigInteger One(long ones) => Units.One(ones);

    public static Address Addr(int rank) => EposBuilder.Addr(rank);

    private static readonly Lazy<SlotKeyWithProof[]> Real = new(() =>
        [.. Enumerable.Range(0, 4).Select(i =>
        {
            var sk = BlsCiphersuite.KeyGen(Encoding.ASCII.GetBytes($"staking-slot-key-{i}-padding-to-32-bytes"));
            return new SlotKeyWithProof(new PublicKey(BlsCiphersuite.SkToPk(sk)), HarmonySlotKeyProof.Create(sk));
        })]);

    /// <summary>A real BLS key (0–3) with its real proof of possession.</summary>
    public static SlotKeyWithProof RealKey(int i) => Real.Value[i];

    /// <summary>A synthetic key whose "proof" is the marker byte 1; only <see cref="Marker"/> parameters accept it.</summary>
    public static SlotKeyWithProof MarkerKey(int id) => new(EposBuilder.Key(id), [1]);

    /// <summary>A synthetic key with a proof <see cref="Marker"/> refuses.</summary>
    public static SlotKeyWithProof BadMarkerKey(int id) => new(EposBuilder.Key(id), [0]);

    /// <summary>Mainnet parameters whose proof check accepts exactly the marker proof (for tests about other rules).</summary>
    public static readonly StakingParameters Marker = StakingParameters.Mainnet with
    {
        VerifySlotKeyProof = (_, proof) => proof is [1],
    };

    public static readonly CommissionRates Rates = new(0.10m, 0.50m, 0.05m);

    public static CreateValidator Create(Address address, BigInteger amount, params SlotKeyWithProof[] keys) =>
        new(address, new ValidatorDescription("validator"), Rates, One(10_000), One(100_000_000), [.. keys], amount);

    /// <summary>A state where <paramref name="count"/> accounts (ranks 1…) hold <paramref name="ones"/> ONE each.</summary>
    public static StakingState Funded(int count, long ones)
    {
        var state = StakingState.Empty;
        for (var i = 1; i <= count; i++) state = state.Fund(Addr(i), One(ones));
        return state;
    }

    public static StakingState Accepted(StakingResult result)
    {
        Assert.IsNull(result.Rejection, result.Rejection?.ToString());
        return result.State!;
    }

    public static Rejection Rejected(StakingResult result, string field)
    {
        Assert.IsNotNull(result.Rejection, "expected a rejection");
        Assert.IsNull(result.State);
        Assert.AreEqual(field, result.Rejection.Field, result.Rejection.ToString());
        Assert.IsFalse(string.IsNullOrWhiteSpace(result.Rejection.Reason));
        return result.Rejection;
    }

    /// <summary>Funded state with validator rank 1 created at <paramref name="epoch"/>, self-stake 50,000 ONE, one marker key.</summary>
    public static StakingState WithValidator(ulong epoch = 700) =>
        Accepted(StakingTransactionProcessor.Apply(Funded(4, 1_000_000), Create(Addr(1), One(50_000), MarkerKey(1)), epoch, Marker));

    public static ImmutableHashSet<PublicKey> Keys(params SlotKeyWithProof[] keys) => [.. keys.Select(k => k.Key)];
}
