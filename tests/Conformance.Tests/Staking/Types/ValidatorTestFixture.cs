using System.Collections.Immutable;
using System.Numerics;
using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Staking;
using HarmonySim.Protocol.Staking.State;
using HarmonySim.Protocol.Staking.Transactions;
using static HarmonySim.Conformance.Tests.Core.StakingVerifierFixture;

namespace HarmonySim.Conformance.Tests.Staking.Types;

/// <summary>
/// The inputs of Harmony's <c>staking/types/validator_test.go</c>: <c>makeValidValidator</c> (one key, all rates 0,
/// min self-delegation 10,000 ONE, max total 12,000 ONE, last in committee in epoch 20, description "Wayne" / "wen" /
/// "harmony.one.wen" / "" / "best"), <c>invalidDescription</c> and the over-long strings
/// ("thisisavery" + 32 × "long" + a suffix; 66 × "long" for details). The Go test's bech32 address plays no part in
/// the rules, so any fixed address stands for it.
/// </summary>
internal static class ValidatorTestFixture
{
    public static readonly Address TypesValidatorAddr = TestAddr("validator_test");

    private static string Long(int times, string suffix) => "thisisavery" + string.Concat(Enumerable.Repeat("long", times)) + suffix;

    public static readonly string LongName = Long(32, "name");
    public static readonly string LongIdentity = Long(32, "identity");
    public static readonly string LongWebsite = Long(32, "website");
    public static readonly string LongContact = Long(32, "contact");
    public static readonly string LongDetails = Long(66, "detail");

    public static readonly ValidatorDescription ValidDescription = new("Jacky Wang", "jacky@harmony.one", "harmony.one/jacky", "jacky@harmony.one", "Details of jacky");
    public static readonly ValidatorDescription InvalidDescription = ValidDescription with { Name = LongName };

    /// <summary>
    /// <c>makeValidValidator</c> as a stored validator. Harmony's function under test sees no delegations; HarmonySim's
    /// edit always checks the stake, so the harness gives it a self-delegation of 11,000 ONE, which satisfies every
    /// case's min-self and max-total values (10,000 to 12,000 ONE).
    /// </summary>
    public static Validator ValidValidator() => new(
        TypesValidatorAddr,
        [BlsKey(0).Key],
        new CommissionRates(0m, 0m, 0m),
        Ones(10_000),
        Ones(12_000),
        ValidatorStatus.Active,
        new ValidatorDescription("Wayne", "wen", "harmony.one.wen", "", "best"),
        0,
        0m,
        0,
        ImmutableSortedDictionary.Create<Address, Delegation>(AddressOrder.Instance).Add(TypesValidatorAddr, new Delegation(Ones(11_000), BigInteger.Zero, [])),
        LastEpochInCommittee: 20);

    /// <summary><c>makeCreateValidator</c>-like message for <c>makeValidValidator</c>'s values (keys 0 and 1 there; key 0 here).</summary>
    public static CreateValidator CreateMsg() => new(
        TypesValidatorAddr, ValidDescription, new CommissionRates(0m, 0m, 0m), Ones(10_000), Ones(12_000), [BlsKey(0)], Ones(10_000));

    public static StakingParameters Parameters => StakingParameters.Mainnet;
}
