using System.Numerics;
using CsCheck;
using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Crypto;
using HarmonySim.Protocol.Crypto.Accounts;
using HarmonySim.Protocol.Staking;
using HarmonySim.Protocol.Staking.State;
using HarmonySim.Protocol.Staking.Transactions;

namespace HarmonySim.Protocol.Tests.Staking;

/// <summary>
/// Harmony's wire form of staking transactions: a vector signed by @harmony-js/staking 0.1.58 decodes to its sender
/// and fields; every directive in Harmony's current layout (written here field by field, as staking/types encodes
/// them) decodes back; malformed, mis-signed and outdated forms give a reason naming the field, never an exception.
/// </summary>
[TestClass]
public sealed class HarmonyStakingEncodingTests
{
    private static readonly AccountKey Key = AccountKey.FromSecret(Convert.FromHexString("ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80"));
    private static readonly Address Sender = new(Key.Address);
    private static readonly Address Validator = new(Convert.FromHexString("75aee99adca11b3a0ab569c550b676b338cc4d06"));
    private static readonly BigInteger One = BigInteger.Pow(10, 18);

    // @harmony-js/staking 0.1.58: Delegate(one17w0a… = 0xf39F…, one1wkhw… = 0x75ae…, 100 ONE), nonce 3, gas price 100 gwei, gas 25,000, chain id 2.
    private const string SdkDelegate = "f88302f494f39fd6e51aad88f6f4ce6ab8827279cfffb922669475aee99adca11b3a0ab569c550b676b338cc4d0689056bc75e2d631000000385174876e8008261a828a0bfb3657de9304e4504c857f03bb1d9498add3454a41156d6a0eb3a7241a88593a029a110fb63e32181312f98d54f655fc813d2a7fbe39bedca6ca5a7b534afb33c";

    [TestMethod]
    public void A_delegation_signed_by_the_Harmony_SDK_decodes_to_its_sender_and_fields()
    {
        var bytes = Convert.FromHexString(SdkDelegate);
        var decoded = HarmonyStakingEncoding.Decode(bytes);
        Assert.IsTrue(decoded.Ok, decoded.Error);
        var tx = decoded.Value!;
        Assert.AreEqual(new DelegateStake(Sender, Validator, 100 * One), tx.Message);
        Assert.AreEqual(3UL, tx.Nonce);
        Assert.AreEqual(2UL, tx.ChainId);
        Assert.AreEqual(25_000UL, tx.GasLimit);
        Assert.AreEqual(new BigInteger(100_000_000_000), tx.GasPrice);
        Assert.AreEqual(Keccak256.Hash(bytes), tx.Hash);
    }

    [TestMethod]
    public void Every_directive_in_Harmonys_current_layout_decodes_back()
    {
        var key = new PublicKey(Enumerable.Repeat((byte)0xab, PublicKey.Size).ToArray());
        var proof = Enumerable.Repeat((byte)0xcd, Signature.Size).ToArray();
        var create = Signed(0, w => w.Bytes(Sender).StartList().Bytes("n"u8).Bytes("i"u8).Bytes("w"u8).Bytes("s"u8).Bytes("d"u8).EndList()
            .StartList().StartList().Bytes(Int(One / 10)).EndList().StartList().Bytes(Int(One * 9 / 10)).EndList().StartList().Bytes(Int(One / 20)).EndList().EndList()
            .Bytes(Int(10_000 * One)).Bytes(Int(100_000 * One)).StartList().Bytes(key.Bytes).EndList().StartList().Bytes(proof).EndList().Bytes(Int(20_000 * One)));
        var c = (CreateValidator)Decode(create).Message;
        Assert.AreEqual(Sender, c.ValidatorAddress);
        Assert.AreEqual(new ValidatorDescription("n", "i", "w", "s", "d"), c.Description);
        Assert.AreEqual(new CommissionRates(0.1m, 0.9m, 0.05m), c.CommissionRates);
        Assert.AreEqual(10_000 * One, c.MinSelfDelegation);
        Assert.AreEqual(20_000 * One, c.Amount);
        Assert.AreEqual(key, c.SlotKeys.Single().Key);
        CollectionAssert.AreEqual(proof, c.SlotKeys.Single().Proof);

        var edit = Signed(1, w => w.Bytes(Sender).StartList().Bytes([]).Bytes([]).Bytes([]).Bytes([]).Bytes([]).EndList()
            .StartList().Bytes(Int(One * 7 / 100)).EndList().Bytes([]).Bytes([]).Bytes([]).Bytes(key.Bytes).Bytes(proof).UInt(2));
        var e = (EditValidator)Decode(edit).Message;
        Assert.AreEqual(0.07m, e.CommissionRate);
        Assert.IsNull(e.MinSelfDelegation);
        Assert.IsNull(e.SlotKeyToRemove);
        Assert.AreEqual(key, e.SlotKeyToAdd!.Key);
        Assert.AreEqual(ValidatorStatus.Inactive, e.Status);

        var quiet = Signed(1, w => w.Bytes(Sender).StartList().Bytes([]).Bytes([]).Bytes([]).Bytes([]).Bytes([]).EndList()
            .StartList().EndList().Bytes([]).Bytes([]).Bytes([]).Bytes([]).Bytes([]).Bytes([]));
        Assert.AreEqual(new EditValidator(Sender, new ValidatorDescription("")), Decode(quiet).Message);
        Assert.AreEqual(new UndelegateStake(Sender, Validator, 5 * One), Decode(Signed(3, w => w.Bytes(Sender).Bytes(Validator).Bytes(Int(5 * One)))).Message);
        Assert.AreEqual(new CollectRewards(Sender), Decode(Signed(4, w => w.Bytes(Sender))).Message);
    }

    [TestMethod]
    public void Bad_staking_bytes_give_a_reason_naming_the_field()
    {
        var sdk = Convert.FromHexString(SdkDelegate);
        var tampered = (byte[])sdk.Clone();
        tampered[30] ^= 1; // a byte of the validator address: the signature then recovers someone else
        Expect("signed by", tampered);
        Expect("expected a list of 8 fields", [0xc0]);
        Expect("staking transaction", [0xf8]);
        Expect("unknown directive 9", Signed(9, w => w.Bytes(Sender)));
        Expect("signed by", Signed(2, w => w.Bytes(Validator).Bytes(Validator).Bytes(Int(One))));
        Expect("7 fields without slot key proofs", Signed(0, w => w.Bytes(Sender).StartList().EndList().StartList().EndList().Bytes([]).Bytes([]).StartList().EndList().Bytes([])));
        Expect("slot keys[0]: expected 48 bytes", Signed(0, w => w.Bytes(Sender).StartList().Bytes([]).Bytes([]).Bytes([]).Bytes([]).Bytes([]).EndList()
            .StartList().StartList().Bytes([]).EndList().StartList().Bytes([]).EndList().StartList().Bytes([]).EndList().EndList()
            .Bytes([]).Bytes([]).StartList().Bytes([1, 2]).EndList().StartList().Bytes([3]).EndList().Bytes([])));
        Expect("status: 3", Signed(1, w => w.Bytes(Sender).StartList().Bytes([]).Bytes([]).Bytes([]).Bytes([]).Bytes([]).EndList()
            .StartList().EndList().Bytes([]).Bytes([]).Bytes([]).Bytes([]).Bytes([]).UInt(3)));
        Expect("amount", Signed(2, w => w.Bytes(Sender).Bytes(Validator).Bytes([0, 1])));
    }

    [TestMethod]
    public void Mutated_staking_bytes_never_throw()
    {
        var sdk = Convert.FromHexString(SdkDelegate);
        Gen.Select(Gen.Int[0, sdk.Length - 1], Gen.Byte, Gen.Int[0, sdk.Length]).Sample((at, value, cut) =>
        {
            var bytes = (byte[])sdk.Clone();
            bytes[at] = value;
            var decoded = HarmonyStakingEncoding.Decode(bytes.AsMemory(0, cut));
            return decoded.Ok || decoded.Error is { Length: > 0 };
        }, iter: 5_000);
    }

    private static HarmonyStakingTransaction Decode(byte[] bytes)
    {
        var decoded = HarmonyStakingEncoding.Decode(bytes);
        Assert.IsTrue(decoded.Ok, decoded.Error);
        return decoded.Value!;
    }

    private static void Expect(string reason, byte[] bytes)
    {
        var decoded = HarmonyStakingEncoding.Decode(bytes);
        Assert.IsFalse(decoded.Ok);
        StringAssert.Contains(decoded.Error, reason);
    }

    /// <summary>[directive, message, nonce 0, 100 gwei, 25,000, v, r, s] signed by <see cref="Key"/> for chain id 2, as Harmony's EIP-155 signer does.</summary>
    private static byte[] Signed(ulong directive, Action<RlpWriter> message)
    {
        RlpWriter Fields()
        {
            var w = new RlpWriter().StartList().UInt(directive).StartList();
            message(w);
            return w.EndList().UInt(0).Bytes(Int(100_000_000_000)).UInt(25_000);
        }
        var signature = Key.Sign(Keccak256.Hash(Fields().UInt(2).UInt(0).UInt(0).EndList().WrittenSpan).ToArray());
        return Fields().UInt(signature.Eip155V(2)).Bytes(signature.R.SkipWhile(b => b == 0).ToArray()).Bytes(signature.S.SkipWhile(b => b == 0).ToArray()).EndList().ToArray();
    }

    private static byte[] Int(BigInteger v) => v.IsZero ? [] : v.ToByteArray(isUnsigned: true, isBigEndian: true);
}
