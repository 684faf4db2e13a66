using System.Numerics;
using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Crypto;
using HarmonySim.Protocol.Crypto.Accounts;

namespace HarmonySim.Testnet.Tests;

/// <summary>Staking transactions in Harmony's wire form signed with the funded development key, as Harmony's EIP-155 signer signs them.</summary>
internal static class StakingKeys
{
    /// <summary>@harmony-js/staking 0.1.58's Delegate of 100 ONE from 0xf39F… to 0x75ae…, nonce 3, chain id 2.</summary>
    public const string SdkDelegate = "0xf88302f494f39fd6e51aad88f6f4ce6ab8827279cfffb922669475aee99adca11b3a0ab569c550b676b338cc4d0689056bc75e2d631000000385174876e8008261a828a0bfb3657de9304e4504c857f03bb1d9498add3454a41156d6a0eb3a7241a88593a029a110fb63e32181312f98d54f655fc813d2a7fbe39bedca6ca5a7b534afb33c";

    /// <summary>The SDK's delegation with one byte of the validator address changed: the signature recovers someone else.</summary>
    public static string Tampered()
    {
        var bytes = Convert.FromHexString(SdkDelegate[2..]);
        bytes[30] ^= 1;
        return "0x" + Convert.ToHexStringLower(bytes);
    }

    /// <summary>Hardhat/Anvil development account #2, funded by deploy/testnet-players.yaml for the refusal tests.</summary>
    public static readonly AccountKey Third = AccountKey.FromSecret(Convert.FromHexString("5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a"));

    /// <summary>A Delegate or another directive with <paramref name="message"/>'s fields, signed by <paramref name="key"/> (the funded key by default) for <paramref name="chainId"/>.</summary>
    public static string Raw(ulong directive, ulong chainId, Action<RlpWriter> message, AccountKey? key = null, ulong nonce = 0)
    {
        RlpWriter Fields()
        {
            var w = new RlpWriter().StartList().UInt(directive).StartList();
            message(w);
            return w.EndList().UInt(nonce).Bytes(new BigInteger(100_000_000_000).ToByteArray(isUnsigned: true, isBigEndian: true)).UInt(25_000);
        }
        var signature = (key ?? WalletKeys.Funded).Sign(Keccak256.Hash(Fields().UInt(chainId).UInt(0).UInt(0).EndList().WrittenSpan).ToArray());
        return "0x" + Convert.ToHexStringLower(Fields().UInt(signature.Eip155V(chainId)).Bytes(signature.R.SkipWhile(b => b == 0).ToArray())
            .Bytes(signature.S.SkipWhile(b => b == 0).ToArray()).EndList().ToArray());
    }

    /// <summary>Harmony's Delegate of <paramref name="ones"/> ONE from <paramref name="key"/>'s account to <paramref name="validator"/>.</summary>
    public static string Delegate(AccountKey key, ulong nonce, Address validator, BigInteger ones) =>
        Raw(2, 2, w => w.Bytes(new Address(key.Address)).Bytes(validator).Bytes(Int(ones * BigInteger.Pow(10, 18))), key, nonce);

    /// <summary>
    /// Harmony's CreateValidator from <paramref name="key"/>'s account: one slot key with its proof, commission 0.1 / 0.9
    /// / 0.05, min self-delegation and amount <paramref name="ones"/> ONE, max total delegation 1,000,000 ONE.
    /// </summary>
    public static string CreateValidator(AccountKey key, ulong nonce, byte[] slotKey, byte[] proof, BigInteger ones)
    {
        var atto = ones * BigInteger.Pow(10, 18);
        static void Dec(RlpWriter w, BigInteger tenThousandths) => w.StartList().Bytes(Int(tenThousandths * BigInteger.Pow(10, 14))).EndList();
        return Raw(0, 2, w =>
        {
            w.Bytes(new Address(key.Address)).StartList().Bytes("refused"u8).Bytes([]).Bytes([]).Bytes([]).Bytes([]).EndList();
            w.StartList();
            Dec(w, 1_000);
            Dec(w, 9_000);
            Dec(w, 500);
            w.EndList().Bytes(Int(atto)).Bytes(Int(1_000_000 * BigInteger.Pow(10, 18)));
            w.StartList().Bytes(slotKey).EndList().StartList().Bytes(proof).EndList().Bytes(Int(atto));
        }, key, nonce);
    }

    private static byte[] Int(BigInteger v) => v.IsZero ? [] : v.ToByteArray(isUnsigned: true, isBigEndian: true);

    public static string Delegate(ulong chainId) =>
        Raw(2, chainId, w => w.Bytes(new Address(WalletKeys.Funded.Address)).Bytes(WalletKeys.Recipient).Bytes(BigInteger.Pow(10, 20).ToByteArray(isUnsigned: true, isBigEndian: true)));
}
