using System.Numerics;
using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Chain.Transactions;
using HarmonySim.Protocol.Crypto.Accounts;

namespace HarmonySim.Testnet.Tests;

/// <summary>The public development keys deploy/testnet.yaml funds, and transactions signed with them as wallets sign.</summary>
internal static class WalletKeys
{
    public static readonly AccountKey Funded = AccountKey.FromSecret(Convert.FromHexString("ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80"));
    public static readonly Address Recipient = new(Convert.FromHexString("70997970C51812dc3A010C7d01b50e0d17dc79C8"));

    public static string Raw(TransactionFormat format, ulong chainId, ulong nonce = 0, uint shard = 0, uint toShard = 0, ulong gasPrice = 100_000_000_000)
    {
        var message = new Transfer(new Address(Funded.Address), Recipient, shard, toShard, BigInteger.Pow(10, 18), nonce) { GasPrice = gasPrice, GasLimit = 21_000 };
        return "0x" + Convert.ToHexStringLower(SignedTransfer.Sign(message, Funded, chainId, format).Encode());
    }
}
