using HarmonySim.Protocol.Crypto;
using HarmonySim.Protocol.Crypto.Accounts;

namespace HarmonySim.Protocol.Tests.Crypto;

[TestClass]
public sealed class AccountKeyTests
{
    [TestMethod]
    public void KnownAddressAndChecksum()
    {
        var one = new byte[32];
        one[31] = 1;
        var key = AccountKey.FromSecret(one);
        Assert.AreEqual("0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf", AccountKey.ChecksumAddress(key.Address));
        // EIP-55 example.
        Assert.AreEqual("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", AccountKey.ChecksumAddress(Convert.FromHexString("5aaeb6053f3e94c9b9a09f33669435e7ef1beaed")));
    }

    [TestMethod]
    public void Bech32RoundTripAndBip173Vectors()
    {
        var key = AccountKey.FromSecret(Keccak256.Hash("account"u8).ToArray());
        var bech = key.Bech32Address;
        Assert.StartsWith("one1", bech);
        CollectionAssert.AreEqual(key.Address, Bech32.DecodeAddress("one", bech));
        // BIP-173 valid strings.
        Assert.AreEqual("a", Bech32.Decode("A12UEL5L").Hrp);
        Assert.AreEqual("abcdef", Bech32.Decode("abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw").Hrp);
        Assert.ThrowsExactly<FormatException>(() => Bech32.Decode("a12uel5m"));
    }

    [TestMethod]
    public void SignaturesRecoverTheSigner()
    {
        var key = AccountKey.FromSecret(Keccak256.Hash("signer"u8).ToArray());
        for (var i = 0; i < 8; i++)
        {
            var hash = Keccak256.Hash([(byte)i]).ToArray();
            var sig = key.Sign(hash);
            CollectionAssert.AreEqual(sig.R, key.Sign(hash).R); // RFC 6979: deterministic
            CollectionAssert.AreEqual(key.Address, AccountKey.RecoverAddress(hash, sig));
            Assert.AreEqual((ulong)sig.RecoveryId + (1666600000UL * 2) + 35, sig.Eip155V(1666600000));
            var wrong = key.Sign(hash) with { RecoveryId = 1 - sig.RecoveryId };
            CollectionAssert.AreNotEqual(key.Address, AccountKey.RecoverAddress(hash, wrong));
        }
    }
}
