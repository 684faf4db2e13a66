using System.Collections.Immutable;
using System.Numerics;
using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Crypto;
using HarmonySim.Protocol.Staking.State;

namespace HarmonySim.Protocol.Staking.Transactions;

/// <summary>
/// A staking transaction's message (reference §4.1). The sender is taken as given: <see cref="Sender"/> is the
/// validator address (CreateValidator, EditValidator) or the delegator address; no secp256k1 signature is carried
/// or checked here (the envelope that signs it belongs to the transaction pool).
/// </summary>
public abstract record StakingTransaction
{
    /// <summary>The account that sends (and pays for) the transaction.</summary>
    public abstract Address Sender { get; }

    /// <summary>Harmony's directive code (§4.1 table).</summary>
    public abstract int Directive { get; }
}

/// <summary>A BLS slot key with its proof of possession: the key's signature of Keccak-256("harmony-one").</summary>
public sealed record SlotKeyWithProof(PublicKey Key, byte[] Proof);

/// <summary>Directive 0: registers a validator with its self-stake <paramref name="Amount"/>.</summary>
public sealed record CreateValidator(
    Address ValidatorAddress,
    ValidatorDescription Description,
    CommissionRates CommissionRates,
    BigInteger MinSelfDelegation,
    BigInteger MaxTotalDelegation,
    ImmutableArray<SlotKeyWithProof> SlotKeys,
    BigInteger Amount) : StakingTransaction
{
    public override Address Sender => ValidatorAddress;
    public override int Directive => 0;
}

/// <summary>Directive 1: edits a validator; null fields are left as they are.</summary>
public sealed record EditValidator(
    Address ValidatorAddress,
    ValidatorDescription? Description = null,
    decimal? CommissionRate = null,
    BigInteger? MinSelfDelegation = null,
    BigInteger? MaxTotalDelegation = null,
    PublicKey? SlotKeyToRemove = null,
    SlotKeyWithProof? SlotKeyToAdd = null,
    ValidatorStatus? Status = null) : StakingTransaction
{
    public override Address Sender => ValidatorAddress;
    public override int Directive => 1;
}

/// <summary>Directive 2: stakes <paramref name="Amount"/> from the delegator's balance with a validator.</summary>
public sealed record DelegateStake(Address DelegatorAddress, Address ValidatorAddress, BigInteger Amount) : StakingTransaction
{
    public override Address Sender => DelegatorAddress;
    public override int Directive => 2;
}

/// <summary>Directive 3: moves <paramref name="Amount"/> of a delegation into a locked undelegation.</summary>
public sealed record UndelegateStake(Address DelegatorAddress, Address ValidatorAddress, BigInteger Amount) : StakingTransaction
{
    public override Address Sender => DelegatorAddress;
    public override int Directive => 3;
}

/// <summary>Directive 4: pays the delegator the unclaimed rewards of all its delegations.</summary>
public sealed record CollectRewards(Address DelegatorAddress) : StakingTransaction
{
    public override Address Sender => DelegatorAddress;
    public override int Directive => 4;
}
