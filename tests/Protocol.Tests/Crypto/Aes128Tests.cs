using System.Runtime.Intrinsics;
using System.Security.Cryptography;
using HarmonySim.Protocol.Crypto.Simulated;

namespace HarmonySim.Protocol.Tests.Crypto;

[TestClass]
public sealed class Aes128Tests
{
    [TestMethod]
    public void Matches_the_fips_197_example_and_decrypts_back()
    {
        using var aes = new Aes128(Convert.FromHexString("000102030405060708090a0b0c0d0e0f"));
        var plain = Vector128.Create(Convert.FromHexString("00112233445566778899aabbccddeeff"));
        var cipher = aes.Encrypt(plain);
        Assert.AreEqual("69c4e0d86a7b0430d8cdb78070b4c55a", Convert.ToHexStringLower(ToBytes(cipher)));
        Assert.AreEqual(plain, aes.Decrypt(cipher));
    }

    [TestMethod]
    public void Agrees_with_the_platform_aes_on_random_keys_and_blocks()
    {
        var random = new Random(5);
        for (var i = 0; i < 50; i++)
        {
            var key = new byte[16];
            var block = new byte[16];
            random.NextBytes(key);
            random.NextBytes(block);
            using var ours = new Aes128(key);
            using var platform = Aes.Create();
            platform.Key = key;
            CollectionAssert.AreEqual(platform.EncryptEcb(block, PaddingMode.None), ToBytes(ours.Encrypt(Vector128.Create(block))));
        }
    }

    [TestMethod]
    public void The_mac_depends_on_every_byte_and_on_the_length()
    {
        using var aes = new Aes128(new byte[16]);
        var a = aes.Mac(new byte[20]);
        Assert.AreNotEqual(a, aes.Mac(new byte[21]));
        Assert.AreNotEqual(a, aes.Mac([.. new byte[19], 1]));
        Assert.AreEqual(a, aes.Mac(new byte[20]));
    }

    private static byte[] ToBytes(Vector128<byte> v)
    {
        var bytes = new byte[16];
        v.CopyTo(bytes);
        return bytes;
    }
}
