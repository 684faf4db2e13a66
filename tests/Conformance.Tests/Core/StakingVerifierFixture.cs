using System.Collections.Immutable;
using System.Numerics;
using System.Text;
using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Crypto;
using HarmonySim.Protocol.Crypto.Bls;
using HarmonySim.Protocol.Staking;
using HarmonySim.Protocol.Staking.State;
using HarmonySim.Protocol.Staking.Transactions;

namespace HarmonySim.Conformance.Tests.Core;

/// <summary>
/// The world of Harmony's <c>core/staking_verifier_test.go</c>, rebuilt from its helpers (<c>makeStateDBForStake</c>,
/// <c>makeVWrappersForStake</c>, <c>staketest.GetDefaultValidatorWrapperWithAddr</c>, <c>makeFakeChainContextForStake</c>):
/// five validators <c>makeTestAddr(0…4)</c>, two BLS keys each (keys 2i and 2i+1 of twenty), rate 0.4 / max 0.9 /
/// max change 0.4, min self-delegation 10,000 ONE, max total 100,000 ONE, self-delegation 20,000 ONE, identity
/// "harmony-one-i", first elected in epoch 10; every validator, <c>createValidatorAddr</c> and <c>delegatorAddr</c>
/// hold 100,000 ONE. Harmony's keys are random; ours are fixed real BLS keys with real proofs.
/// </summary>
internal static class StakingVerifierFixture
{
    public const ulong DefaultEpoch = 5;
    public const ulong DefaultNextEpoch = 6;

    public static BigInteger Ones(long ones) => Units.One(ones);

    /// <summary>Harmony's <c>makeTestAddr(item)</c>: the bytes of "harmony-one-{item}", left-padded to 20 bytes.</summary>
    public static Address TestAddr(object item)
    {
        var text = Encoding.ASCII.GetBytes($"harmony-one-{item}");
        var bytes = new byte[Address.Size];
        text.AsSpan(Math.Max(0, text.Length - Address.Size)).CopyTo(bytes.AsSpan(Math.Max(0, Address.Size - text.Length)));
        return new Address(bytes);
    }

    public static readonly Address CreateValidatorAddr = TestAddr("validator");
    public static readonly Address ValidatorAddr = TestAddr(0);
    public static readonly Address ValidatorAddr2 = TestAddr(1);
    public static readonly Address DelegatorAddr = TestAddr(6);

    private static readonly Lazy<SlotKeyWithProof[]> Keys = new(() =>
        [.. Enumerable.Range(0, 20).Select(i =>
        {
            var sk = BlsCiphersuite.KeyGen(Encoding.ASCII.GetBytes($"conformance-staking-key-{i:D2}-32-bytes!"));
            return new SlotKeyWithProof(new PublicKey(BlsCiphersuite.SkToPk(sk)), HarmonySlotKeyProof.Create(sk));
        })]);

    /// <summary>Harmony's <c>blsKeys[i]</c>: a key with its proof of possession (<c>.pub</c>, <c>.sig</c>).</summary>
    public static SlotKeyWithProof BlsKey(int i) => Keys.Value[i];

    public static readonly ValidatorDescription DefaultDesc = new("SuperHero", "YouWouldNotKnow", "Secret Website", "LicenseToKill", "blah blah blah");

    /// <summary>
    /// <c>fakeChainContext.Config()</c>: minimum commission (5 %) from epoch 0 with a 10-epoch promotion; no HIP-30 nor
    /// MaxRate epoch. The delegate tests add <c>MinDelegation100Epoch</c> 100 and set <c>RedelegationEpoch</c> per case.
    /// </summary>
    public static readonly StakingParameters Config = StakingParameters.Mainnet with
    {
        MinCommissionRateEpoch = 0,
        MinCommissionPromoPeriod = 10,
        Hip30Epoch = ulong.MaxValue,
        MaxRateEpoch = ulong.MaxValue,
        TopMaxRateEpoch = ulong.MaxValue,
        ReducedMinDelegationEpoch = 100,
    };

    /// <summary><c>makeVWrapperByIndex(index)</c> as stored by <c>updateStateValidators</c> (first election epoch 10).</summary>
    public static Validator ValidatorByIndex(int index)
    {
        var address = TestAddr(index);
        return new Validator(
            address,
            [BlsKey(2 * index).Key, BlsKey(2 * index + 1).Key],
            new CommissionRates(0.4m, 0.9m, 0.4m),
            Ones(10_000),
            Ones(100_000),
            ValidatorStatus.Active,
            DefaultDesc with { Identity = $"harmony-one-{index}" },
            0,
            0.4m,
            0,
            ImmutableSortedDictionary.Create<Address, Delegation>(AddressOrder.Instance).Add(address, Delegation.Empty with { Amount = Ones(20_000) }),
            FirstElectionEpoch: 10);
    }

    /// <summary><c>makeStateDBForStake</c>.</summary>
    public static StakingState StateForStake()
    {
        var state = StakingState.Empty;
        for (var i = 0; i < 5; i++) state = state.WithValidator(ValidatorByIndex(i)).Fund(TestAddr(i), Ones(100_000));
        return state.Fund(CreateValidatorAddr, Ones(100_000)).Fund(DelegatorAddr, Ones(100_000));
    }

    /// <summary>Adds (or replaces) <paramref name="delegator"/>'s delegation with a validator of the state.</summary>
    public static StakingState WithDelegation(this StakingState state, Address validator, Address delegator, Delegation delegation) =>
        state.WithValidator(state.Validators[validator].WithDelegation(delegator, delegation));

    public static StakingResult Apply(StakingState state, StakingTransaction tx, ulong epoch, StakingParameters? parameters = null) =>
        StakingTransactionProcessor.Apply(state, tx, epoch, parameters ?? Config);

    /// <summary>Asserts the transaction was accepted and returns the new state.</summary>
    public static StakingState Accepted(StakingResult result)
    {
        Assert.IsNull(result.Rejection, result.Rejection?.ToString());
        return result.State!;
    }

    /// <summary>Asserts a rejection on <paramref name="field"/> whose reason contains <paramref name="reason"/> (Harmony's error, in our words).</summary>
    public static void Rejected(StakingResult result, string field, string reason)
    {
        Assert.IsNotNull(result.Rejection, "Harmony refuses this case");
        Assert.AreEqual(field, result.Rejection.Field, result.Rejection.ToString());
        StringAssert.Contains(result.Rejection.Reason, reason, StringComparison.OrdinalIgnoreCase);
    }
}
