using System.Numerics;
using CsCheck;
using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Chain.Transactions;
using HarmonySim.Protocol.Crypto;
using HarmonySim.Protocol.Crypto.Accounts;
using HarmonySim.Protocol.Staking.Beacon;
using HarmonySim.Protocol.Staking.State;
using HarmonySim.Protocol.Staking.Transactions;
using HarmonySim.Protocol.State;

namespace HarmonySim.Protocol.Tests.Staking;

/// <summary>
/// A wallet's staking transaction applied in Harmony's wire form: it is checked over Harmony's signing hash and chain
/// id, its deposit arrives from the beacon's transfer ledger (which holds the one account nonce and debits the amount),
/// and the beacon body's transaction root hashes the wallet's own bytes.
/// </summary>
[TestClass]
public sealed class OutsideStakingTests
{
    // @harmony-js/staking 0.1.58: Delegate(0xf39F… → 0x75ae…, 100 ONE), nonce 3, chain id 2 (as in HarmonyStakingEncodingTests).
    private static readonly byte[] SdkDelegate = Convert.FromHexString("f88302f494f39fd6e51aad88f6f4ce6ab8827279cfffb922669475aee99adca11b3a0ab569c550b676b338cc4d0689056bc75e2d631000000385174876e8008261a828a0bfb3657de9304e4504c857f03bb1d9498add3454a41156d6a0eb3a7241a88593a029a110fb63e32181312f98d54f655fc813d2a7fbe39bedca6ca5a7b534afb33c");
    private static readonly Address Sender = new(Convert.FromHexString("f39fd6e51aad88f6f4ce6ab8827279cfffb92266"));
    private static readonly Address Validator = new(Convert.FromHexString("75aee99adca11b3a0ab569c550b676b338cc4d06"));
    private static readonly StakingParameters Testnet = StakingBuilder.Marker with { ChainId = 2, MinDelegation = StakingBuilder.One(100) };

    private static SignedStakingTransaction Outside()
    {
        var decoded = HarmonyStakingEncoding.Decode(SdkDelegate);
        Assert.IsTrue(decoded.Ok, decoded.Error);
        return SignedStakingTransaction.FromHarmony(decoded.Value!, SdkDelegate);
    }

    private static StakingState WithValidator() =>
        StakingBuilder.Accepted(StakingTransactionProcessor.Apply(StakingState.Empty.Fund(Validator, StakingBuilder.One(20_000)),
            StakingBuilder.Create(Validator, StakingBuilder.One(20_000), StakingBuilder.MarkerKey(1)), 0, Testnet));

    [TestMethod]
    public void A_wallets_delegation_applies_with_its_deposit_and_the_ledgers_nonce()
    {
        var tx = Outside();
        Assert.AreEqual(StakingBuilder.One(100), tx.Deposit);
        Assert.AreEqual(Keccak256.Hash(SdkDelegate), tx.HarmonyHash);
        // The staking state never saw the sender (nonce 0 there): the wallet's nonce 3 is the transfer ledger's to check.
        var after = StakingBuilder.Accepted(StakingTransactionProcessor.ApplySigned(WithValidator(), tx, 0, Testnet));
        Assert.AreEqual(StakingBuilder.One(100), after.Validators[Validator].DelegationOf(Sender).Amount);
        Assert.AreEqual(BigInteger.Zero, after.AccountOf(Sender).Balance, "the deposit went into the delegation");
        Assert.AreEqual(WithValidator().TotalSupply() + StakingBuilder.One(100), after.TotalSupply(), "the deposit is new to the staking state");
    }

    [TestMethod]
    public void A_wallets_transaction_signed_for_another_chain_or_altered_is_refused()
    {
        var mainnet = StakingTransactionProcessor.ApplySigned(WithValidator(), Outside(), 0, Testnet with { ChainId = 1 });
        StringAssert.Contains(mainnet.Rejection!.Reason, "signed for chain 2");
        var renumbered = StakingTransactionProcessor.ApplySigned(WithValidator(), Outside() with { Nonce = 4 }, 0, Testnet);
        StringAssert.Contains(renumbered.Rejection!.Reason, "do not match");
        var unknown = StakingTransactionProcessor.ApplySigned(StakingState.Empty, Outside(), 0, Testnet);
        Assert.IsFalse(unknown.Accepted, "no such validator");
    }

    [TestMethod]
    public void The_beacon_ledger_spends_the_deposit_with_the_senders_nonce_and_counts_it_as_staked()
    {
        var ledger = ShardLedger.Genesis(0, 1, 2).Fund(Sender, StakingBuilder.One(1_000));
        var root = LedgerRoot.Of(ledger);
        StringAssert.Contains(ledger.DepositRefusal(Sender, 3, StakingBuilder.One(100)), "Nonce: expected 0, got 3");
        StringAssert.Contains(ledger.DepositRefusal(Sender, 0, StakingBuilder.One(1_001)), "exceeds the balance");
        Assert.IsNull(ledger.DepositRefusal(Sender, 0, StakingBuilder.One(100)));
        var after = ledger.Deposit(Sender, 0, StakingBuilder.One(100));
        Assert.AreEqual(new Account(StakingBuilder.One(900), 1), after.AccountOf(Sender));
        Assert.AreEqual(StakingBuilder.One(900), after.TotalBalance);
        Assert.AreEqual(StakingBuilder.One(100), after.StakedTotal);
        Assert.AreNotEqual(root, LedgerRoot.Of(after));
        Assert.AreEqual(root, LedgerRoot.Of(ShardLedger.Genesis(0, 1, 2).Fund(Sender, StakingBuilder.One(1_000))), "a ledger nothing staked from keeps its root");
        Assert.ThrowsExactly<InvalidOperationException>(() => after.Deposit(Sender, 0, StakingBuilder.One(1)));
    }

    [TestMethod]
    public void A_deposit_is_refused_or_moves_exactly_its_amount_from_balances_to_staked() =>
        Gen.Select(Gen.Long[0, 1_000_000], Gen.Long[0, 1_000_000], Gen.ULong[0, 3], Gen.ULong[0, 3]).Sample((balance, amount, nonce, used) =>
        {
            var ledger = ShardLedger.Genesis(0, 1, 2).Fund(Sender, balance).Fund(Validator, 7);
            for (var i = 0UL; i < used; i++) ledger = ledger.Deposit(Sender, i, 0);
            var refusal = ledger.DepositRefusal(Sender, nonce, amount);
            if (refusal is not null) return nonce != used || amount > balance;
            var after = ledger.Deposit(Sender, nonce, amount);
            return nonce == used && amount <= balance && after.TotalBalance + after.StakedTotal == ledger.TotalBalance + ledger.StakedTotal
                && after.StakedTotal == ledger.StakedTotal + amount && after.AccountOf(Sender) == new Account(balance - amount, used + 1)
                && after.AccountOf(Validator) == ledger.AccountOf(Validator);
        });

    [TestMethod]
    public void The_beacon_body_commits_to_the_wallets_own_bytes()
    {
        var outside = Outside();
        var own = SignedStakingTransaction.Sign(new CollectRewards(Sender), 0, AccountKey.FromSecret(Convert.FromHexString("ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80")), 2);
        var body = new BeaconBody([own, outside], [], []);
        var encodings = body.StakingEncodings(2);
        CollectionAssert.AreEqual(SdkDelegate, encodings[1]);
        CollectionAssert.AreEqual((byte[])[.. StakingTransactionEncoding.Encode(own.Message, 0, 2), .. own.Signature.ToBytes65()], encodings[0], "the simulator's own form is unchanged");
        Assert.AreEqual(Block.TransactionsRoot([.. encodings]), body.TransactionsRoot([], 2));
    }

    [TestMethod]
    public void Staking_bytes_are_told_from_transfers_by_shape()
    {
        Assert.IsTrue(HarmonyStakingEncoding.IsStakingShape(SdkDelegate));
        var key = AccountKey.FromSecret(Convert.FromHexString("ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80"));
        var transfer = SignedTransfer.Sign(new Transfer(Sender, Validator, 0, 0, BigInteger.One, 0) { GasLimit = 21_000 }, key, 2, TransactionFormat.Harmony).Encode();
        Assert.IsFalse(HarmonyStakingEncoding.IsStakingShape(transfer));
        Assert.IsFalse(HarmonyStakingEncoding.IsStakingShape(new byte[] { 0xf8 }));
    }
}
