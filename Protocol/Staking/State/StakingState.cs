using System.Collections.Immutable;
using System.Numerics;
using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Crypto;

namespace HarmonySim.Protocol.Staking.State;

/// <summary>
/// Shard 0's staking state (reference §4.1): accounts and validators, both keyed and iterated in address order
/// (Harmony's byte order, <see cref="AddressOrder"/>), plus the validators' creation order, which the election
/// uses to decide who keeps a key claimed twice. Immutable: every change returns a new state.
/// </summary>
public sealed class StakingState
{
    public static readonly StakingState Empty = new(
        ImmutableSortedDictionary.Create<Address, Account>(AddressOrder.Instance),
        ImmutableSortedDictionary.Create<Address, Validator>(AddressOrder.Instance),
        []);

    private StakingState(
        ImmutableSortedDictionary<Address, Account> accounts,
        ImmutableSortedDictionary<Address, Validator> validators,
        ImmutableList<Address> creationOrder)
    {
        Accounts = accounts;
        Validators = validators;
        CreationOrder = creationOrder;
    }

    /// <summary>Accounts by address, in address order.</summary>
    public ImmutableSortedDictionary<Address, Account> Accounts { get; }

    /// <summary>Validators by address, in address order.</summary>
    public ImmutableSortedDictionary<Address, Validator> Validators { get; }

    /// <summary>Validator addresses in the order they were created.</summary>
    public ImmutableList<Address> CreationOrder { get; }

    public Account AccountOf(Address address) => Accounts.TryGetValue(address, out var a) ? a : Account.Empty;

    public Validator? ValidatorAt(Address address) => Validators.TryGetValue(address, out var v) ? v : null;

    /// <summary>The state with <paramref name="address"/>'s account replaced.</summary>
    public StakingState WithAccount(Address address, Account account) =>
        new(Accounts.SetItem(address, account), Validators, CreationOrder);

    /// <summary>Genesis funding (or a minted amount): adds <paramref name="amount"/> to a balance. This changes total supply.</summary>
    public StakingState Fund(Address address, BigInteger amount)
    {
        if (amount.Sign < 0) throw new ArgumentOutOfRangeException(nameof(amount), "cannot fund a negative amount");
        var account = AccountOf(address);
        return WithAccount(address, account with { Balance = account.Balance + amount });
    }

    /// <summary>The state with <paramref name="validator"/> stored; a new validator joins the end of the creation order.</summary>
    public StakingState WithValidator(Validator validator)
    {
        var order = Validators.ContainsKey(validator.Address) ? CreationOrder : CreationOrder.Add(validator.Address);
        return new(Accounts, Validators.SetItem(validator.Address, validator), order);
    }

    /// <summary>
    /// Credits an unclaimed reward to <paramref name="delegator"/>'s delegation with <paramref name="validator"/>
    /// (for the reward rules to call). This mints: total supply grows by <paramref name="amount"/>.
    /// </summary>
    public StakingState CreditReward(Address validator, Address delegator, BigInteger amount)
    {
        if (amount.Sign < 0) throw new ArgumentOutOfRangeException(nameof(amount), "cannot credit a negative reward");
        var v = ValidatorAt(validator) ?? throw new ArgumentException($"no validator {validator}", nameof(validator));
        if (!v.Delegations.TryGetValue(delegator, out var d))
            throw new ArgumentException($"{delegator} does not delegate to {validator}", nameof(delegator));
        return WithValidator(v.WithDelegation(delegator, d with { Reward = d.Reward + amount }));
    }

    /// <summary>Every BLS key any validator holds now.</summary>
    public IEnumerable<PublicKey> AllSlotKeys => Validators.Values.SelectMany(v => v.SlotKeys);

    /// <summary>Σ balances + Σ stakes + Σ locked undelegations + Σ unclaimed rewards, in atto-ONE.</summary>
    public BigInteger TotalSupply()
    {
        var total = Accounts.Values.Aggregate(BigInteger.Zero, (sum, a) => sum + a.Balance);
        foreach (var d in Validators.Values.SelectMany(v => v.Delegations.Values))
            total += d.Amount + d.Reward + d.Undelegating;
        return total;
    }
}
