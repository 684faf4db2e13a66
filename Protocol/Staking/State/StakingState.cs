using System.Collections.Immutable;
using System.Numerics;
using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Crypto;

namespace HarmonySim.Protocol.Staking.State;

/// <summary>
/// Shard 0's staking state (reference §4.1): accounts and validators, both keyed and iterated in address order
/// (Harmony's byte order, <see cref="AddressOrder"/>), plus the validators' creation order, which the election
/// uses to decide who keeps a key claimed twice, and each delegator's validators in the order it first delegated to
/// them (the order a redelegation draws on locked undelegations). Immutable: every change returns a new state.
/// </summary>
public sealed class StakingState
{
    public static readonly StakingState Empty = new(
        ImmutableSortedDictionary.Create<Address, Account>(AddressOrder.Instance),
        ImmutableSortedDictionary.Create<Address, Validator>(AddressOrder.Instance),
        [],
        ImmutableSortedDictionary.Create<Address, ImmutableList<Address>>(AddressOrder.Instance));

    private readonly ImmutableSortedDictionary<Address, ImmutableList<Address>> _delegationIndex;

    private StakingState(
        ImmutableSortedDictionary<Address, Account> accounts,
        ImmutableSortedDictionary<Address, Validator> validators,
        ImmutableList<Address> creationOrder,
        ImmutableSortedDictionary<Address, ImmutableList<Address>> delegationIndex)
    {
        Accounts = accounts;
        Validators = validators;
        CreationOrder = creationOrder;
        _delegationIndex = delegationIndex;
    }

    /// <summary>Accounts by address, in address order.</summary>
    public ImmutableSortedDictionary<Address, Account> Accounts { get; }

    /// <summary>Validators by address, in address order.</summary>
    public ImmutableSortedDictionary<Address, Validator> Validators { get; }

    /// <summary>Validator addresses in the order they were created.</summary>
    public ImmutableList<Address> CreationOrder { get; }

    public Account AccountOf(Address address) => Accounts.TryGetValue(address, out var a) ? a : Account.Empty;

    public Validator? ValidatorAt(Address address) => Validators.TryGetValue(address, out var v) ? v : null;

    /// <summary>
    /// The validators <paramref name="delegator"/> has delegated to, in the order of its first delegation to each
    /// (Harmony's per-delegator <c>DelegationIndexes</c>); a validator stays listed after the delegation empties.
    /// </summary>
    public ImmutableList<Address> DelegatedValidators(Address delegator) => _delegationIndex.GetValueOrDefault(delegator) ?? [];

    /// <summary>The state with <paramref name="address"/>'s account replaced.</summary>
    public StakingState WithAccount(Address address, Account account) =>
        new(Accounts.SetItem(address, account), Validators, CreationOrder, _delegationIndex);

    /// <summary>Genesis funding (or a minted amount): adds <paramref name="amount"/> to a balance. This changes total supply.</summary>
    public StakingState Fund(Address address, BigInteger amount)
    {
        if (amount.Sign < 0) throw new ArgumentOutOfRangeException(nameof(amount), "cannot fund a negative amount");
        var account = AccountOf(address);
        return WithAccount(address, account with { Balance = account.Balance + amount });
    }

    /// <summary>
    /// The state with <paramref name="validator"/> stored; a new validator joins the end of the creation order, and
    /// each delegator new to it joins the delegator's index (the self-delegation first, as Harmony indexes it at creation).
    /// </summary>
    public StakingState WithValidator(Validator validator)
    {
        ArgumentNullException.ThrowIfNull(validator);
        var old = ValidatorAt(validator.Address);
        var order = old is null ? CreationOrder.Add(validator.Address) : CreationOrder;
        var index = _delegationIndex;
        // Delegations are only added by a delegate or a validator's creation, which grow the count; rewards and
        // payouts only change or drop entries, so the common path costs one comparison.
        if (old is null || validator.Delegations.Count > old.Delegations.Count)
        {
            if (old is null && validator.Delegations.ContainsKey(validator.Address)) index = Indexed(index, validator.Address, validator.Address);
            foreach (var delegator in validator.Delegations.Keys)
                if (old?.Delegations.ContainsKey(delegator) != true) index = Indexed(index, delegator, validator.Address);
        }
        return new(Accounts, Validators.SetItem(validator.Address, validator), order, index);
    }

    private static ImmutableSortedDictionary<Address, ImmutableList<Address>> Indexed(
        ImmutableSortedDictionary<Address, ImmutableList<Address>> index, Address delegator, Address validator)
    {
        var list = index.GetValueOrDefault(delegator) ?? [];
        return list.Contains(validator) ? index : index.SetItem(delegator, list.Add(validator));
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
