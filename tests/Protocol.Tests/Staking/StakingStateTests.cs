using System.Numerics;
using CsCheck;
using HarmonySim.Protocol.Staking;
using HarmonySim.Protocol.Staking.State;
using HarmonySim.Protocol.Staking.Transactions;
using static HarmonySim.Protocol.Tests.Staking.StakingBuilder;

namespace HarmonySim.Protocol.Tests.Staking;

/// <summary>The staking state: order, immutability, stake totals for the election, the 7-epoch lock (§4.5), and supply conservation.</summary>
[TestClass]
public sealed class StakingStateTests
{
    private static StakingState Apply(StakingState s, StakingTransaction tx, ulong epoch) =>
        Accepted(StakingTransactionProcessor.Apply(s, tx, epoch, Marker));

    [TestMethod]
    public void Accounts_and_validators_iterate_in_address_order_whatever_the_insertion_order()
    {
        var s = StakingState.Empty.Fund(Addr(3), One(100_000)).Fund(Addr(1), One(100_000)).Fund(Addr(2), One(100_000));
        s = Apply(s, Create(Addr(3), One(20_000), MarkerKey(3)), 700);
        s = Apply(s, Create(Addr(1), One(20_000), MarkerKey(1)), 700);
        CollectionAssert.AreEqual(new[] { Addr(1), Addr(2), Addr(3) }, s.Accounts.Keys.ToArray());
        CollectionAssert.AreEqual(new[] { Addr(1), Addr(3) }, s.Validators.Keys.ToArray());
        CollectionAssert.AreEqual(new[] { Addr(3), Addr(1) }, s.CreationOrder.ToArray());
    }

    [TestMethod]
    public void Changes_return_a_new_state_and_leave_the_old_one_untouched()
    {
        var s = Funded(2, 1_000_000);
        var t = Apply(s, Create(Addr(1), One(50_000), MarkerKey(1)), 700);
        Assert.IsEmpty(s.Validators);
        Assert.AreEqual(One(1_000_000), s.AccountOf(Addr(1)).Balance);
        Assert.HasCount(1, t.Validators);
    }

    [TestMethod]
    public void Total_stake_is_self_plus_delegations_and_excludes_undelegations()
    {
        var s = Apply(Funded(4, 10_000_000), Create(Addr(1), One(2_000_000), MarkerKey(1), MarkerKey(2)), 700);
        s = Apply(s, Create(Addr(2), One(10_000), MarkerKey(3)), 700);
        s = Apply(s, new DelegateStake(Addr(3), Addr(1), One(1_500_000)), 700);
        s = Apply(s, new DelegateStake(Addr(4), Addr(1), One(250)), 700);
        s = Apply(s, new UndelegateStake(Addr(3), Addr(1), One(500_000)), 701);
        Assert.AreEqual(One(3_000_250), ElectionInput.TotalStake(s.Validators[Addr(1)]));

        var candidates = ElectionInput.Candidates(s);
        Assert.HasCount(2, candidates);
        Assert.AreEqual(Addr(1), candidates[0].Address);
        Assert.AreEqual(One(3_000_250), candidates[0].TotalStake);
        CollectionAssert.AreEqual(new[] { MarkerKey(1).Key, MarkerKey(2).Key }, candidates[0].SlotKeys.ToArray());
        Assert.AreEqual(ValidatorStatus.Active, candidates[1].Status);
        Assert.AreEqual(One(10_000), candidates[1].TotalStake);
    }

    [TestMethod]
    public void The_election_runs_on_the_state_candidates()
    {
        var s = Funded(4, 10_000_000);
        s = Apply(s, Create(Addr(1), One(3_000_000), MarkerKey(1), MarkerKey(2)), 700);
        s = Apply(s, Create(Addr(2), One(1_000_000), MarkerKey(3)), 700);
        s = Apply(s, Create(Addr(3), One(500_000), MarkerKey(4)), 700);
        s = Apply(s, new EditValidator(Addr(3), Status: ValidatorStatus.Inactive), 700);
        var result = EposElection.Compute(ElectionInput.Candidates(s), [[]], new EposParameters(1, 3, 0));
        // Addr(1) bids 1.5M per key, Addr(2) 1M; the inactive validator does not bid.
        CollectionAssert.AreEqual(new[] { One(1_500_000), One(1_500_000), One(1_000_000) }, result.Winners.Select(w => w.RawStake).ToArray());
        Assert.AreEqual(Addr(3), result.Excluded.Single().Validator);
    }

    [TestMethod]
    public void Total_supply_counts_balances_stakes_undelegations_and_unclaimed_rewards()
    {
        var s = Apply(Funded(2, 1_000_000), Create(Addr(1), One(50_000), MarkerKey(1)), 700);
        s = Apply(s, new DelegateStake(Addr(2), Addr(1), One(20_000)), 700);
        s = Apply(s, new UndelegateStake(Addr(2), Addr(1), One(5_000)), 700);
        Assert.AreEqual(One(2_000_000), s.TotalSupply());
        Assert.AreEqual(One(2_000_000) + 7, s.CreditReward(Addr(1), Addr(2), 7).TotalSupply());
    }

    [TestMethod]
    public void Undelegations_are_paid_back_at_the_end_of_the_seventh_epoch_after()
    {
        var s = Apply(Funded(2, 1_000_000), Create(Addr(1), One(50_000), MarkerKey(1)), 700);
        s = Apply(s, new DelegateStake(Addr(2), Addr(1), One(30_000)), 700);
        s = Apply(s, new UndelegateStake(Addr(2), Addr(1), One(10_000)), 700);
        s = Apply(s, new UndelegateStake(Addr(2), Addr(1), One(20_000)), 703);
        var balance = One(970_000);

        for (ulong epoch = 700; epoch < 707; epoch++)
        {
            s = UndelegationRelease.ReleaseMatured(s, epoch);
            Assert.AreEqual(balance, s.AccountOf(Addr(2)).Balance, $"nothing released at the end of epoch {epoch}");
        }
        s = UndelegationRelease.ReleaseMatured(s, 707);
        Assert.AreEqual(balance + One(10_000), s.AccountOf(Addr(2)).Balance);
        Assert.AreEqual(new Undelegation(One(20_000), 703), s.Validators[Addr(1)].Delegations[Addr(2)].Undelegations.Single());
        s = UndelegationRelease.ReleaseMatured(s, 709);
        Assert.AreEqual(balance + One(10_000), s.AccountOf(Addr(2)).Balance);
        s = UndelegationRelease.ReleaseMatured(s, 710);
        Assert.AreEqual(One(1_000_000), s.AccountOf(Addr(2)).Balance);
        // The emptied delegation is gone; the validator's own stays.
        Assert.IsFalse(s.Validators[Addr(1)].Delegations.ContainsKey(Addr(2)));
        Assert.IsTrue(s.Validators[Addr(1)].Delegations.ContainsKey(Addr(1)));
        Assert.AreEqual(One(2_000_000), s.TotalSupply());
    }

    [TestMethod]
    public void The_lock_is_a_parameter()
    {
        var s = Apply(Funded(2, 1_000_000), Create(Addr(1), One(50_000), MarkerKey(1)), 700);
        s = Apply(s, new UndelegateStake(Addr(1), Addr(1), One(10_000)), 700);
        var quick = UndelegationRelease.ReleaseMatured(s, 700, Marker with { LockEpochs = 0 });
        Assert.AreEqual(One(960_000), quick.AccountOf(Addr(1)).Balance);
        Assert.AreEqual(One(950_000), UndelegationRelease.ReleaseMatured(s, 706).AccountOf(Addr(1)).Balance);
    }

    // Mainnet's eras (reference §4.5): quick unlock 191–289 (no lock), early unlock before 530 for a validator out of
    // the committee for 7 epochs, the 7-epoch lock otherwise. The validator was last in committee in lastInCommittee.
    [TestMethod]
    [DataRow(190UL, 190UL, 190UL, false, DisplayName = "before quick unlock: locked 7 epochs")]
    [DataRow(191UL, 191UL, 191UL, true, DisplayName = "quick unlock (191): released the same epoch")]
    [DataRow(289UL, 289UL, 289UL, true, DisplayName = "last quick-unlock epoch")]
    [DataRow(290UL, 290UL, 290UL, false, DisplayName = "redelegation epoch (290): locked again")]
    [DataRow(400UL, 405UL, 398UL, true, DisplayName = "early unlock: out of committee 7 epochs")]
    [DataRow(400UL, 405UL, 399UL, false, DisplayName = "early unlock: out of committee only 6 epochs")]
    [DataRow(600UL, 605UL, 500UL, false, DisplayName = "no early unlock from 530")]
    [DataRow(600UL, 607UL, 607UL, true, DisplayName = "7 epochs after the undelegation")]
    public void Release_follows_mainnet_unlock_eras(ulong undelegatedIn, ulong releasedAtEndOf, ulong lastInCommittee, bool released)
    {
        var s = Apply(Funded(2, 1_000_000), Create(Addr(1), One(50_000), MarkerKey(1)), undelegatedIn);
        s = Apply(s, new UndelegateStake(Addr(1), Addr(1), One(10_000)), undelegatedIn);
        s = s.WithValidator(s.Validators[Addr(1)] with { LastEpochInCommittee = lastInCommittee });
        var after = UndelegationRelease.ReleaseMatured(s, releasedAtEndOf, StakingParameters.Mainnet);
        Assert.AreEqual(released ? One(960_000) : One(950_000), after.AccountOf(Addr(1)).Balance);
    }

    // ---- Supply conservation over random transaction sequences ----

    private const int People = 5;

    private static readonly Gen<(int Kind, int A, int B, long Ones, int Atto, int Key)> Op =
        from kind in Gen.Int[0, 9]
        from a in Gen.Int[1, People]
        from b in Gen.Int[1, People]
        from ones in Gen.OneOf(Gen.Long[0, 2_000], Gen.Long[0, 200_000], Gen.Long[0, 3_000_000])
        from atto in Gen.Int[-1, 1]
        from key in Gen.Int[0, 11]
        select (kind, a, b, ones, atto, key);

    private static readonly Gen<(long[] Funding, (int Kind, int A, int B, long Ones, int Atto, int Key)[] Ops)> Run =
        from funding in Gen.Long[0, 5_000_000].Array[People]
        from ops in Op.Array[0, 60]
        select (funding, ops);

    private static StakingTransaction? Transaction((int Kind, int A, int B, long Ones, int Atto, int Key) op)
    {
        var amount = One(op.Ones) + op.Atto;
        // Keys 10 and 11 carry a proof the parameters refuse.
        var key = op.Key >= 10 ? BadMarkerKey(op.Key) : MarkerKey(op.Key);
        return op.Kind switch
        {
            0 => Create(Addr(op.A), amount, key) with { MaxTotalDelegation = amount * op.B },
            1 => new DelegateStake(Addr(op.A), Addr(op.B), amount),
            2 => new DelegateStake(Addr(op.A), Addr(op.B), amount),
            3 => new UndelegateStake(Addr(op.A), Addr(op.B), amount),
            4 => new CollectRewards(Addr(op.A)),
            5 => (op.Key % 6) switch
            {
                0 => new EditValidator(Addr(op.A), CommissionRate: op.Ones % 100 / 100m),
                1 => new EditValidator(Addr(op.A), MinSelfDelegation: amount),
                2 => new EditValidator(Addr(op.A), MaxTotalDelegation: amount),
                3 => new EditValidator(Addr(op.A), Status: (ValidatorStatus)(op.B % 3)),
                4 => new EditValidator(Addr(op.A), SlotKeyToAdd: key),
                _ => new EditValidator(Addr(op.A), SlotKeyToRemove: key.Key),
            },
            _ => null,
        };
    }

    [TestMethod]
    public void Total_supply_never_changes_through_valid_or_rejected_transactions_or_releases()
    {
        var accepted = new int[5];
        var rejected = new int[5];
        Run.Sample(run =>
        {
            var state = StakingState.Empty;
            for (var i = 0; i < People; i++) state = state.Fund(Addr(i + 1), One(run.Funding[i]));
            var supply = state.TotalSupply();
            ulong epoch = 625;
            foreach (var op in run.Ops)
            {
                if (Transaction(op) is { } tx)
                {
                    var result = StakingTransactionProcessor.Apply(state, tx, epoch, Marker);
                    Assert.AreEqual(result.State is null, result.Rejection is not null);
                    if (result.State is { } next) state = next;
                    lock (accepted) (result.Accepted ? accepted : rejected)[tx.Directive]++;
                }
                else if (op.Kind == 6)
                {
                    state = UndelegationRelease.ReleaseMatured(state, epoch);
                    epoch += (ulong)op.B;
                }
                else if (op.Kind == 7 && state.ValidatorAt(Addr(op.A)) is { } v && v.Delegations.ContainsKey(Addr(op.B)))
                {
                    // Rewards are minted outside the transactions; count them in.
                    state = state.CreditReward(Addr(op.A), Addr(op.B), op.Ones);
                    supply += op.Ones;
                }
                else if (op.Kind == 8 && state.ValidatorAt(Addr(op.A)) is { } banned)
                {
                    state = state.WithValidator(banned with { Status = ValidatorStatus.Banned });
                }
                else
                {
                    epoch++;
                }
                Assert.AreEqual(supply, state.TotalSupply());
                Assert.IsTrue(state.Accounts.Values.All(a => a.Balance.Sign >= 0));
                Assert.IsTrue(state.Validators.Values.All(v => v.Delegations.Values.All(d => d.Amount.Sign >= 0)));
                Assert.IsTrue(state.Validators.Values.All(v => v.TotalDelegation <= v.MaxTotalDelegation));
                Assert.IsTrue(state.Validators.Values.All(v => v.SlotKeys.Length is >= 1 and <= 106));
                Assert.AreEqual(state.AllSlotKeys.Count(), state.AllSlotKeys.Distinct().Count());
            }
        });
        // The runs exercise every directive both ways. An accepted CollectRewards (directive 4) needs a reward minted
        // on an existing delegation first, which random runs only sometimes produce (0 in some samples): its acceptance
        // is the unit tests' job, so here it only has to be tried.
        Assert.IsTrue(accepted.Take(4).All(n => n > 0), "accepted per directive: " + string.Join(", ", accepted));
        Assert.IsTrue(rejected.All(n => n > 0), "rejected per directive: " + string.Join(", ", rejected));
    }
}
