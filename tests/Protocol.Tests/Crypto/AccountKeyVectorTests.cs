using System.Text;
using HarmonySim.Protocol.Crypto;
using HarmonySim.Protocol.Crypto.Accounts;

namespace HarmonySim.Protocol.Tests.Crypto;

/// <summary>
/// Byte-exact signatures: secret = Keccak-256(key name), hash = Keccak-256(message). The values were produced by the
/// BouncyCastle implementation (RFC 6979 HMAC-SHA-256 nonce, low s) and pin that any backend signs identically.
/// </summary>
[TestClass]
public sealed class AccountKeyVectorTests
{
    [TestMethod]
    [DataRow("signer", "m0", "16208e6c32244b4836ad82866d8d2a982df51a0b3d8ac020b6bb819a85d6e319", "7cdb7abed1aade103c7223f279edc0aebaf00c587e1f5a2781f81abc638325bf", 0)]
    [DataRow("signer", "m1", "e9604e5e6c5f6b5d9089c27d6e66924e847572b8ece41a082bed503f4e6c29f3", "29bb556afeac5bc79adaee9241d274d1f592178ae0dd215d632d394cd8248b78", 0)]
    [DataRow("alice", "transfer", "a9cae37449585adbf614ed0485cc23996ffc5e3224aa022e14c2649eca4e9e9d", "2eedb1eb5c4e556ccab23a355dc2c2035f148bac5cff9ad4a81ee64561271078", 0)]
    [DataRow("bob", "", "83cdfda5834f9937126f73e2c2ce0063a9ea485b72943faaea6adc134ab59dd7", "08e58d388fb6e64a41d4346540063ba9f1a4984c90878b5c4758dde4573014e4", 1)]
    [DataRow("carol", "x", "1fbc0c09619aa36689c54a0133571938360d251cf4c3b022d33188ecf2275c36", "4a560d9fd5d609ec95af639520f19691a0812df77879ba38772c7b47273b032d", 0)]
    public void SignaturesAreByteExact(string keyName, string message, string r, string s, int recoveryId)
    {
        var key = AccountKey.FromSecret(Keccak256.Hash(Encoding.ASCII.GetBytes(keyName)).ToArray());
        var hash = Keccak256.Hash(Encoding.ASCII.GetBytes(message)).ToArray();
        var signature = key.Sign(hash);
        Assert.AreEqual(r, Convert.ToHexStringLower(signature.R));
        Assert.AreEqual(s, Convert.ToHexStringLower(signature.S));
        Assert.AreEqual(recoveryId, signature.RecoveryId);
        CollectionAssert.AreEqual(key.Address, AccountKey.RecoverAddress(hash, signature));
    }

    [TestMethod]
    public void SecretOneSignsTheKnownValue()
    {
        var one = new byte[32];
        one[31] = 1;
        var hash = new byte[32];
        hash[31] = 1;
        var signature = AccountKey.FromSecret(one).Sign(hash);
        Assert.AreEqual("6673ffad2147741f04772b6f921f0ba6af0c1e77fc439e65c36dedf4092e8898", Convert.ToHexStringLower(signature.R));
        Assert.AreEqual("4c1a971652e0ada880120ef8025e709fff2080c4a39aae068d12eed009b68c89", Convert.ToHexStringLower(signature.S));
        Assert.AreEqual(1, signature.RecoveryId);
    }

    [TestMethod]
    [DataRow("0000000000000000000000000000000000000000000000000000000000000000", "0000000000000000000000000000000000000000000000000000000000000001", 0, DisplayName = "r = 0")]
    [DataRow("0000000000000000000000000000000000000000000000000000000000000001", "0000000000000000000000000000000000000000000000000000000000000000", 0, DisplayName = "s = 0")]
    [DataRow("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", "0000000000000000000000000000000000000000000000000000000000000001", 0, DisplayName = "r = n")]
    [DataRow("0000000000000000000000000000000000000000000000000000000000000001", "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", 0, DisplayName = "s = n")]
    [DataRow("0000000000000000000000000000000000000000000000000000000000000001", "0000000000000000000000000000000000000000000000000000000000000001", 2, DisplayName = "recovery id 2")]
    [DataRow("0000000000000000000000000000000000000000000000000000000000000005", "0000000000000000000000000000000000000000000000000000000000000001", 0, DisplayName = "r not an x on the curve")]
    public void OutOfRangeSignaturesDoNotRecover(string r, string s, int recoveryId)
    {
        var hash = Keccak256.Hash("m"u8).ToArray();
        Assert.IsNull(AccountKey.RecoverAddress(hash, new RecoverableSignature(Convert.FromHexString(r), Convert.FromHexString(s), recoveryId)));
    }
}
