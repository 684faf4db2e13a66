using System.Numerics;
using System.Security.Cryptography;
using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Crypto.Accounts;
using HarmonySim.Protocol.Staking;
using HarmonySim.Protocol.Staking.State;
using HarmonySim.Protocol.Staking.Transactions;
using static HarmonySim.Protocol.Tests.Staking.StakingBuilder;

namespace HarmonySim.Protocol.Tests.Staking;

/// <summary>Reference §4.1–§4.2: each staking rule accepted at its bound and refused just past it, with mainnet amounts.</summary>
[TestClass]
public sealed class StakingTransactionsTests
{
    private static StakingResult Apply(StakingState s, StakingTransaction tx, ulong epoch = 700, StakingParameters? p = null) =>
        StakingTransactionProcessor.Apply(s, tx, epoch, p ?? Marker);

    // ---- CreateValidator ----

    [TestMethod]
    public void Create_validator_with_a_real_slot_key_proof_stakes_the_amount_and_is_active()
    {
        var s = Accepted(StakingTransactionProcessor.Apply(Funded(2, 1_000_000), Create(Addr(1), One(50_000), RealKey(0)), 700, StakingParameters.Mainnet));
        var v = s.Validators[Addr(1)];
        Assert.AreEqual(ValidatorStatus.Active, v.Status);
        Assert.AreEqual(One(50_000), v.SelfDelegation);
        Assert.AreEqual(One(950_000), s.AccountOf(Addr(1)).Balance);
        Assert.AreEqual(1UL, s.AccountOf(Addr(1)).Nonce);
        Assert.AreEqual(RealKey(0).Key, v.SlotKeys.Single());
        Assert.AreEqual(700UL, v.CreationEpoch);
    }

    [TestMethod]
    public void Create_validator_with_a_proof_signed_by_another_key_is_refused()
    {
        var forged = new SlotKeyWithProof(RealKey(0).Key, RealKey(1).Proof);
        var r = Rejected(StakingTransactionProcessor.Apply(Funded(2, 1_000_000), Create(Addr(1), One(50_000), forged), 700, StakingParameters.Mainnet), "SlotKeys[0]");
        StringAssert.Contains(r.Reason, "proof");
        Rejected(Apply(Funded(2, 1_000_000), Create(Addr(1), One(50_000), MarkerKey(1), BadMarkerKey(2))), "SlotKeys[1]");
    }

    [TestMethod]
    public void Edit_validator_adds_a_real_key_only_with_its_own_proof()
    {
        var p = StakingParameters.Mainnet;
        var s = Accepted(StakingTransactionProcessor.Apply(Funded(2, 1_000_000), Create(Addr(1), One(50_000), RealKey(0)), 700, p));
        Rejected(StakingTransactionProcessor.Apply(s, new EditValidator(Addr(1), SlotKeyToAdd: new SlotKeyWithProof(RealKey(2).Key, RealKey(3).Proof)), 700, p), "SlotKeyToAdd");
        var added = Accepted(StakingTransactionProcessor.Apply(s, new EditValidator(Addr(1), SlotKeyToAdd: RealKey(2)), 700, p));
        Assert.HasCount(2, added.Validators[Addr(1)].SlotKeys);
    }

    [TestMethod]
    public void Min_self_delegation_of_10000_one_is_accepted_and_one_atto_less_is_refused()
    {
        var s = Funded(2, 1_000_000);
        Accepted(Apply(s, Create(Addr(1), One(10_000), MarkerKey(1)) with { MinSelfDelegation = One(10_000) }));
        Rejected(Apply(s, Create(Addr(1), One(10_000), MarkerKey(1)) with { MinSelfDelegation = One(10_000) - 1 }), "MinSelfDelegation");
    }

    [TestMethod]
    public void Self_stake_must_lie_between_min_self_delegation_and_max_total_delegation()
    {
        var s = Funded(2, 1_000_000);
        Rejected(Apply(s, Create(Addr(1), One(10_000) - 1, MarkerKey(1))), "Amount");
        var capped = Create(Addr(1), One(20_000), MarkerKey(1)) with { MaxTotalDelegation = One(20_000) };
        Accepted(Apply(s, capped));
        Rejected(Apply(s, capped with { Amount = One(20_000) + 1 }), "Amount");
        Rejected(Apply(s, capped with { MaxTotalDelegation = One(10_000) - 1, Amount = One(10_000) }), "MaxTotalDelegation");
    }

    [TestMethod]
    public void Self_stake_beyond_the_balance_is_refused()
    {
        var s = Funded(2, 50_000);
        Accepted(Apply(s, Create(Addr(1), One(50_000), MarkerKey(1))));
        Rejected(Apply(s, Create(Addr(1), One(50_000) + 1, MarkerKey(1))), "Amount");
    }

    [TestMethod]
    public void A_validator_holds_one_to_106_keys()
    {
        var s = Funded(2, 1_000_000);
        Rejected(Apply(s, Create(Addr(1), One(50_000))), "SlotKeys");
        Accepted(Apply(s, Create(Addr(1), One(50_000), [.. Enumerable.Range(0, 106).Select(MarkerKey)])));
        Rejected(Apply(s, Create(Addr(1), One(50_000), [.. Enumerable.Range(0, 107).Select(MarkerKey)])), "SlotKeys");
    }

    [TestMethod]
    public void Duplicate_reused_and_harmony_keys_are_refused()
    {
        var s = WithValidator();
        Rejected(Apply(s, Create(Addr(2), One(50_000), MarkerKey(5), MarkerKey(5))), "SlotKeys[1]");
        Rejected(Apply(s, Create(Addr(2), One(50_000), MarkerKey(1))), "SlotKeys[0]");
        var harmony = Marker with { HarmonyKeys = Keys(MarkerKey(9)) };
        var r = Rejected(Apply(s, Create(Addr(2), One(50_000), MarkerKey(9)), p: harmony), "SlotKeys[0]");
        StringAssert.Contains(r.Reason, "Harmony");
        Accepted(Apply(s, Create(Addr(2), One(50_000), MarkerKey(5)), p: harmony));
    }

    [TestMethod]
    public void Commission_rates_must_satisfy_the_bounds()
    {
        var s = Funded(2, 1_000_000);
        var tx = Create(Addr(1), One(50_000), MarkerKey(1));
        Accepted(Apply(s, tx with { CommissionRates = new(1m, 1m, 1m) }));
        Accepted(Apply(s, tx with { CommissionRates = new(0m, 0m, 0m) }));
        Rejected(Apply(s, tx with { CommissionRates = new(0.21m, 0.20m, 0.01m) }), "CommissionRates.Rate");
        Rejected(Apply(s, tx with { CommissionRates = new(0.1m, 1.0000001m, 0.01m) }), "CommissionRates.MaxRate");
        Rejected(Apply(s, tx with { CommissionRates = new(0.1m, 0.2m, 0.2000001m) }), "CommissionRates.MaxChangeRate");
        Rejected(Apply(s, tx with { CommissionRates = new(-0.01m, 0.2m, 0.01m) }), "CommissionRates.Rate");
    }

    [TestMethod]
    public void Description_fields_longer_than_their_limits_are_refused()
    {
        var s = Funded(2, 1_000_000);
        var tx = Create(Addr(1), One(50_000), MarkerKey(1));
        Accepted(Apply(s, tx with { Description = new(new string('n', 140), Details: new string('d', 280)) }));
        Rejected(Apply(s, tx with { Description = new(new string('n', 141)) }), "Description.Name");
        Rejected(Apply(s, tx with { Description = new("v", Website: new string('w', 141)) }), "Description.Website");
        Rejected(Apply(s, tx with { Description = new("v", Details: new string('d', 281)) }), "Description.Details");
    }

    [TestMethod]
    public void A_non_empty_identity_belongs_to_one_validator()
    {
        var s = Accepted(Apply(Funded(3, 1_000_000), Create(Addr(1), One(50_000), MarkerKey(1)) with { Description = new("a", Identity: "keybase-a") }));
        Rejected(Apply(s, Create(Addr(2), One(50_000), MarkerKey(2)) with { Description = new("b", Identity: "keybase-a") }), "Description.Identity");
        s = Accepted(Apply(s, Create(Addr(2), One(50_000), MarkerKey(2)) with { Description = new("b", Identity: "keybase-b") }));
        Accepted(Apply(s, Create(Addr(3), One(50_000), MarkerKey(3))));
        Rejected(Apply(s, new EditValidator(Addr(2), Description: new("b", Identity: "keybase-a"))), "Description.Identity");
        Accepted(Apply(s, new EditValidator(Addr(1), Description: new("a2", Identity: "keybase-a"))));
    }

    [TestMethod]
    public void An_address_registers_only_one_validator()
    {
        Rejected(Apply(WithValidator(), Create(Addr(1), One(50_000), MarkerKey(2))), "ValidatorAddress");
    }

    // ---- EditValidator ----

    [TestMethod]
    public void Commission_may_move_by_max_change_rate_from_the_epoch_start_rate()
    {
        var s = WithValidator(700); // rate 0.10, max change 0.05
        var up = Accepted(Apply(s, new EditValidator(Addr(1), CommissionRate: 0.15m), 701));
        Assert.AreEqual(0.15m, up.Validators[Addr(1)].Commission.Rate);
        // A second edit in the same epoch is measured from 0.10, not 0.15.
        Rejected(Apply(up, new EditValidator(Addr(1), CommissionRate: 0.16m), 701), "CommissionRate");
        Accepted(Apply(up, new EditValidator(Addr(1), CommissionRate: 0.05m), 701));
        // Next epoch the base is 0.15.
        Accepted(Apply(up, new EditValidator(Addr(1), CommissionRate: 0.20m), 702));
        Rejected(Apply(s, new EditValidator(Addr(1), CommissionRate: 0.1500001m), 701), "CommissionRate");
        Rejected(Apply(s, new EditValidator(Addr(1), CommissionRate: 0.51m), 701), "CommissionRate");
        Rejected(Apply(s, new EditValidator(Addr(1), CommissionRate: -0.01m), 701), "CommissionRate");
    }

    [TestMethod]
    public void Commission_above_max_rate_is_refused_even_within_the_change_rate()
    {
        var s = Accepted(Apply(Funded(2, 1_000_000), Create(Addr(1), One(50_000), MarkerKey(1)) with { CommissionRates = new(0.20m, 0.20m, 0.10m) }));
        Rejected(Apply(s, new EditValidator(Addr(1), CommissionRate: 0.21m), 701), "CommissionRate");
        Accepted(Apply(s, new EditValidator(Addr(1), CommissionRate: 0.19m), 701));
    }

    [TestMethod]
    public void A_banned_validator_cannot_be_edited_at_all_and_a_banned_status_in_an_edit_is_ignored()
    {
        var s = WithValidator();
        // Harmony's UpdateValidatorFromEditMsg sets only Active or Inactive; any other status is left as it was.
        var ignored = Accepted(Apply(s, new EditValidator(Addr(1), Description: new("renamed"), Status: ValidatorStatus.Banned)));
        Assert.AreEqual(ValidatorStatus.Active, ignored.Validators[Addr(1)].Status);
        Assert.AreEqual("renamed", ignored.Validators[Addr(1)].Description.Name);
        var banned = s.WithValidator(s.Validators[Addr(1)] with { Status = ValidatorStatus.Banned });
        Rejected(Apply(banned, new EditValidator(Addr(1), Status: ValidatorStatus.Active)), "ValidatorAddress");
        Rejected(Apply(banned, new EditValidator(Addr(1), Status: ValidatorStatus.Inactive)), "ValidatorAddress");
        Rejected(Apply(banned, new EditValidator(Addr(1), Description: new("renamed"))), "ValidatorAddress");
        Rejected(Apply(banned, new EditValidator(Addr(1), CommissionRate: 0.12m)), "ValidatorAddress");
        var inactive = Accepted(Apply(s, new EditValidator(Addr(1), Status: ValidatorStatus.Inactive)));
        Assert.AreEqual(ValidatorStatus.Inactive, inactive.Validators[Addr(1)].Status);
        Assert.AreEqual(ValidatorStatus.Active, Accepted(Apply(inactive, new EditValidator(Addr(1), Status: ValidatorStatus.Active))).Validators[Addr(1)].Status);
    }

    [TestMethod]
    public void An_edited_description_keeps_the_fields_the_edit_leaves_empty()
    {
        var s = Accepted(Apply(Funded(2, 1_000_000), Create(Addr(1), One(50_000), MarkerKey(1)) with
        {
            Description = new("name", "identity", "site", "contact", "details"),
        }));
        var edited = Accepted(Apply(s, new EditValidator(Addr(1), Description: new("", Website: "new-site"))));
        Assert.AreEqual(new ValidatorDescription("name", "identity", "new-site", "contact", "details"), edited.Validators[Addr(1)].Description);
        Rejected(Apply(s, new EditValidator(Addr(1), Description: new("", Details: new string('d', 281)))), "Description.Details");
    }

    [TestMethod]
    public void A_zero_min_self_or_max_total_delegation_in_an_edit_leaves_the_value_unchanged()
    {
        var s = WithValidator();
        var v = Accepted(Apply(s, new EditValidator(Addr(1), MinSelfDelegation: BigInteger.Zero, MaxTotalDelegation: BigInteger.Zero))).Validators[Addr(1)];
        Assert.AreEqual(s.Validators[Addr(1)].MinSelfDelegation, v.MinSelfDelegation);
        Assert.AreEqual(s.Validators[Addr(1)].MaxTotalDelegation, v.MaxTotalDelegation);
    }

    [TestMethod]
    public void Min_self_delegation_edits_keep_the_floor_and_the_self_stake_while_active()
    {
        var s = WithValidator(); // self-stake 50,000 ONE
        Accepted(Apply(s, new EditValidator(Addr(1), MinSelfDelegation: One(50_000))));
        Rejected(Apply(s, new EditValidator(Addr(1), MinSelfDelegation: One(50_000) + 1)), "MinSelfDelegation");
        Rejected(Apply(s, new EditValidator(Addr(1), MinSelfDelegation: One(10_000) - 1)), "MinSelfDelegation");
        // Inactive, the floor may exceed the self-stake; re-activation then needs the self-stake.
        var inactive = Accepted(Apply(s, new EditValidator(Addr(1), MinSelfDelegation: One(60_000), Status: ValidatorStatus.Inactive)));
        Rejected(Apply(inactive, new EditValidator(Addr(1), Status: ValidatorStatus.Active)), "Status");
    }

    [TestMethod]
    public void Max_total_delegation_edits_cannot_go_below_what_is_delegated()
    {
        var s = Accepted(Apply(WithValidator(), new DelegateStake(Addr(2), Addr(1), One(25_000))));
        Accepted(Apply(s, new EditValidator(Addr(1), MaxTotalDelegation: One(75_000))));
        Rejected(Apply(s, new EditValidator(Addr(1), MaxTotalDelegation: One(75_000) - 1)), "MaxTotalDelegation");
    }

    [TestMethod]
    public void Slot_key_edits_follow_the_key_rules()
    {
        var s = Accepted(Apply(WithValidator(), Create(Addr(2), One(50_000), MarkerKey(2))));
        var added = Accepted(Apply(s, new EditValidator(Addr(1), SlotKeyToAdd: MarkerKey(3))));
        CollectionAssert.AreEqual(new[] { MarkerKey(1).Key, MarkerKey(3).Key }, added.Validators[Addr(1)].SlotKeys.ToArray());
        Rejected(Apply(s, new EditValidator(Addr(1), SlotKeyToAdd: MarkerKey(2))), "SlotKeyToAdd");
        Rejected(Apply(s, new EditValidator(Addr(1), SlotKeyToAdd: MarkerKey(1))), "SlotKeyToAdd");
        Rejected(Apply(s, new EditValidator(Addr(1), SlotKeyToAdd: BadMarkerKey(3))), "SlotKeyToAdd");
        Rejected(Apply(s, new EditValidator(Addr(1), SlotKeyToAdd: MarkerKey(3)), p: Marker with { HarmonyKeys = Keys(MarkerKey(3)) }), "SlotKeyToAdd");
        Rejected(Apply(s, new EditValidator(Addr(1), SlotKeyToRemove: MarkerKey(1).Key)), "SlotKeyToRemove");
        Rejected(Apply(s, new EditValidator(Addr(1), SlotKeyToRemove: MarkerKey(2).Key)), "SlotKeyToRemove");
        // Swap in one message: remove the old key, add a new one.
        var swapped = Accepted(Apply(s, new EditValidator(Addr(1), SlotKeyToRemove: MarkerKey(1).Key, SlotKeyToAdd: MarkerKey(4))));
        Assert.AreEqual(MarkerKey(4).Key, swapped.Validators[Addr(1)].SlotKeys.Single());
        // A removed key is free again.
        Accepted(Apply(swapped, Create(Addr(3), One(50_000), MarkerKey(1))));
        // The 107th key is refused.
        var full = Accepted(Apply(Funded(2, 1_000_000), Create(Addr(1), One(50_000), [.. Enumerable.Range(100, 106).Select(MarkerKey)])));
        Rejected(Apply(full, new EditValidator(Addr(1), SlotKeyToAdd: MarkerKey(1))), "SlotKeyToAdd");
    }

    [TestMethod]
    public void Editing_an_unknown_validator_is_refused()
    {
        Rejected(Apply(WithValidator(), new EditValidator(Addr(2), CommissionRate: 0.1m)), "ValidatorAddress");
    }

    // ---- Delegate ----

    [TestMethod]
    public void Min_delegation_is_1000_one_before_epoch_631_and_100_one_from_it()
    {
        var s = WithValidator();
        Accepted(Apply(s, new DelegateStake(Addr(2), Addr(1), One(1_000)), 630));
        Rejected(Apply(s, new DelegateStake(Addr(2), Addr(1), One(1_000) - 1), 630), "Amount");
        Accepted(Apply(s, new DelegateStake(Addr(2), Addr(1), One(100)), 631));
        Rejected(Apply(s, new DelegateStake(Addr(2), Addr(1), One(100) - 1), 631), "Amount");
        Accepted(Apply(s, new DelegateStake(Addr(2), Addr(1), One(100)), 5, Marker with { ReducedMinDelegationEpoch = 5 }));
    }

    [TestMethod]
    public void Delegation_moves_balance_into_stake_up_to_max_total_delegation()
    {
        var s = Accepted(Apply(WithValidator(), new EditValidator(Addr(1), MaxTotalDelegation: One(100_000))));
        var d = Accepted(Apply(s, new DelegateStake(Addr(2), Addr(1), One(50_000))));
        Assert.AreEqual(One(950_000), d.AccountOf(Addr(2)).Balance);
        Assert.AreEqual(One(50_000), d.Validators[Addr(1)].Delegations[Addr(2)].Amount);
        Assert.AreEqual(One(100_000), ElectionInput.TotalStake(d.Validators[Addr(1)]));
        Rejected(Apply(s, new DelegateStake(Addr(2), Addr(1), One(50_000) + 1)), "Amount");
    }

    [TestMethod]
    public void Delegation_beyond_the_balance_or_to_a_missing_or_banned_validator_is_refused()
    {
        var s = WithValidator().Fund(Addr(9), One(5_000));
        Accepted(Apply(s, new DelegateStake(Addr(9), Addr(1), One(5_000))));
        Rejected(Apply(s, new DelegateStake(Addr(9), Addr(1), One(5_000) + 1)), "Amount");
        Rejected(Apply(s, new DelegateStake(Addr(9), Addr(3), One(5_000))), "ValidatorAddress");
        var banned = s.WithValidator(s.Validators[Addr(1)] with { Status = ValidatorStatus.Banned });
        Rejected(Apply(banned, new DelegateStake(Addr(9), Addr(1), One(5_000))), "ValidatorAddress");
    }

    // ---- Undelegate ----

    [TestMethod]
    public void Undelegation_takes_no_more_than_delegated_and_records_its_epoch()
    {
        var s = Accepted(Apply(WithValidator(), new DelegateStake(Addr(2), Addr(1), One(30_000))));
        Rejected(Apply(s, new UndelegateStake(Addr(2), Addr(1), One(30_000) + 1), 701), "Amount");
        Rejected(Apply(s, new UndelegateStake(Addr(2), Addr(1), BigInteger.Zero), 701), "Amount");
        Rejected(Apply(s, new UndelegateStake(Addr(3), Addr(1), One(1)), 701), "DelegatorAddress");
        Rejected(Apply(s, new UndelegateStake(Addr(2), Addr(4), One(1)), 701), "ValidatorAddress");
        var u = Accepted(Apply(s, new UndelegateStake(Addr(2), Addr(1), One(10_000)), 701));
        u = Accepted(Apply(u, new UndelegateStake(Addr(2), Addr(1), One(5_000)), 701));
        u = Accepted(Apply(u, new UndelegateStake(Addr(2), Addr(1), One(15_000)), 702));
        var d = u.Validators[Addr(1)].Delegations[Addr(2)];
        Assert.AreEqual(BigInteger.Zero, d.Amount);
        CollectionAssert.AreEqual(new[] { new Undelegation(One(15_000), 701), new Undelegation(One(15_000), 702) }, d.Undelegations.ToArray());
        Assert.AreEqual(One(970_000), u.AccountOf(Addr(2)).Balance);
        Assert.AreEqual(One(50_000), ElectionInput.TotalStake(u.Validators[Addr(1)]));
    }

    [TestMethod]
    public void Self_undelegation_below_min_self_delegation_makes_the_validator_inactive()
    {
        var s = WithValidator(); // 50,000 ONE self, 10,000 ONE floor
        var fine = Accepted(Apply(s, new UndelegateStake(Addr(1), Addr(1), One(40_000)), 701));
        Assert.AreEqual(ValidatorStatus.Active, fine.Validators[Addr(1)].Status);
        var low = Accepted(Apply(fine, new UndelegateStake(Addr(1), Addr(1), One(1)), 701));
        Assert.AreEqual(ValidatorStatus.Inactive, low.Validators[Addr(1)].Status);
    }

    [TestMethod]
    public void The_optional_remaining_delegation_floor_allows_zero_or_at_least_the_floor()
    {
        var s = Accepted(Apply(WithValidator(), new DelegateStake(Addr(2), Addr(1), One(1_000))));
        var floor = Marker with { MinRemainingDelegation = One(100) };
        Accepted(Apply(s, new UndelegateStake(Addr(2), Addr(1), One(900)), 701, floor));
        Accepted(Apply(s, new UndelegateStake(Addr(2), Addr(1), One(1_000)), 701, floor));
        Rejected(Apply(s, new UndelegateStake(Addr(2), Addr(1), One(900) + 1), 701, floor), "Amount");
        Accepted(Apply(s, new UndelegateStake(Addr(2), Addr(1), One(900) + 1), 701));
    }

    // ---- CollectRewards ----

    [TestMethod]
    public void Collect_rewards_pays_every_unclaimed_reward_of_the_delegator()
    {
        var s = Accepted(Apply(WithValidator(), Create(Addr(3), One(50_000), MarkerKey(3))));
        s = Accepted(Apply(s, new DelegateStake(Addr(2), Addr(1), One(1_000))));
        s = Accepted(Apply(s, new DelegateStake(Addr(2), Addr(3), One(1_000))));
        Rejected(Apply(s, new CollectRewards(Addr(2))), "DelegatorAddress");
        s = s.CreditReward(Addr(1), Addr(2), One(28) + 123).CreditReward(Addr(3), Addr(2), One(14));
        var before = s.AccountOf(Addr(2)).Balance;
        var c = Accepted(Apply(s, new CollectRewards(Addr(2))));
        Assert.AreEqual(before + One(42) + 123, c.AccountOf(Addr(2)).Balance);
        Assert.IsTrue(c.Validators.Values.All(v => v.DelegationOf(Addr(2)).Reward.IsZero));
        Assert.AreEqual(s.TotalSupply(), c.TotalSupply());
        Rejected(Apply(c, new CollectRewards(Addr(2))), "DelegatorAddress");
    }

    [TestMethod]
    public void A_rejected_transaction_changes_nothing_and_an_accepted_one_bumps_the_sender_nonce()
    {
        var s = WithValidator();
        Assert.AreEqual(1UL, s.AccountOf(Addr(1)).Nonce);
        Assert.IsNull(Apply(s, new DelegateStake(Addr(2), Addr(1), One(1))).State);
        var d = Accepted(Apply(s, new DelegateStake(Addr(2), Addr(1), One(1_000))));
        Assert.AreEqual(1UL, d.AccountOf(Addr(2)).Nonce);
        Assert.AreEqual(0UL, s.AccountOf(Addr(2)).Nonce);
    }

    // ---- Signatures and nonces ----

    private static readonly AccountKey Alice = AccountKey.FromSecret(SHA256.HashData("alice"u8));
    private static readonly AccountKey Bob = AccountKey.FromSecret(SHA256.HashData("bob"u8));

    [TestMethod]
    public void A_signed_transaction_needs_the_sender_signature_for_the_chain_and_the_next_nonce()
    {
        var alice = new Address(Alice.Address);
        var s = Funded(1, 1_000_000).Fund(alice, One(1_000_000));
        var create = Create(alice, One(50_000), MarkerKey(1));
        var signed = SignedStakingTransaction.Sign(create, 0, Alice, 1);

        var t = Accepted(StakingTransactionProcessor.ApplySigned(s, signed, 700, Marker));
        Assert.AreEqual(1UL, t.AccountOf(alice).Nonce);
        // Replay: the nonce is used.
        Rejected(StakingTransactionProcessor.ApplySigned(t, signed, 700, Marker), "Nonce");
        Rejected(StakingTransactionProcessor.ApplySigned(s, SignedStakingTransaction.Sign(create, 1, Alice, 1), 700, Marker), "Nonce");
        // Another key, another chain, or a changed message.
        Rejected(StakingTransactionProcessor.ApplySigned(s, SignedStakingTransaction.Sign(create, 0, Bob, 1), 700, Marker), "Signature");
        Rejected(StakingTransactionProcessor.ApplySigned(s, SignedStakingTransaction.Sign(create, 0, Alice, 2), 700, Marker), "Signature");
        Rejected(StakingTransactionProcessor.ApplySigned(s, signed with { Message = create with { Amount = One(60_000) } }, 700, Marker), "Signature");
        // The next transaction with nonce 1 goes through; rule rejections still apply after the signature.
        var edit = SignedStakingTransaction.Sign(new EditValidator(alice, CommissionRate: 0.12m), 1, Alice, 1);
        Accepted(StakingTransactionProcessor.ApplySigned(t, edit, 700, Marker));
        var tooFar = SignedStakingTransaction.Sign(new EditValidator(alice, CommissionRate: 0.16m), 1, Alice, 1);
        Rejected(StakingTransactionProcessor.ApplySigned(t, tooFar, 700, Marker), "CommissionRate");
    }

    [TestMethod]
    public void The_signing_encoding_separates_every_field()
    {
        var a = Addr(1);
        StakingTransaction[] distinct =
        [
            new DelegateStake(a, Addr(2), One(100)),
            new UndelegateStake(a, Addr(2), One(100)),
            new DelegateStake(a, Addr(2), One(100) + 1),
            new DelegateStake(a, Addr(3), One(100)),
            new CollectRewards(a),
            new EditValidator(a),
            new EditValidator(a, CommissionRate: 0m),
            new EditValidator(a, MinSelfDelegation: BigInteger.Zero),
            new EditValidator(a, Status: ValidatorStatus.Active),
            new EditValidator(a, Status: ValidatorStatus.Inactive),
            Create(a, One(50_000), MarkerKey(1)),
            Create(a, One(50_000), MarkerKey(2)),
            Create(a, One(50_000), BadMarkerKey(1)),
        ];
        var hashes = distinct.Select(tx => Convert.ToHexString(StakingTransactionEncoding.SigningHash(tx, 0, 1))).ToList();
        Assert.AreEqual(hashes.Count, hashes.Distinct().Count());
        Assert.AreNotEqual(
            Convert.ToHexString(StakingTransactionEncoding.SigningHash(new DelegateStake(a, Addr(2), 128), 0, 1)),
            Convert.ToHexString(StakingTransactionEncoding.SigningHash(new DelegateStake(a, Addr(2), -128), 0, 1)));
        Assert.AreNotEqual(hashes[0], Convert.ToHexString(StakingTransactionEncoding.SigningHash(distinct[0], 1, 1)));
        CollectionAssert.AreEqual(StakingTransactionEncoding.SigningHash(distinct[10], 3, 1), StakingTransactionEncoding.SigningHash(Create(a, One(50_000), MarkerKey(1)), 3, 1));
    }
}
