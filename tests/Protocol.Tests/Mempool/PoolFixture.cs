using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Chain.Transactions;
using HarmonySim.Protocol.Crypto.Accounts;
using HarmonySim.Protocol.Mempool;
using HarmonySim.Protocol.State;

namespace HarmonySim.Protocol.Tests.Mempool;

/// <summary>
/// Test data for the pool: shard 0 of 2 on chain 2, eight secp256k1 senders each funded with 1,000 ONE, and builders
/// for transfers at Harmony's minimum gas price unless told otherwise.
/// </summary>
internal static class PoolFixture
{
    public const ulong ChainId = 2;
    public static readonly BigInteger Gwei = new(1_000_000_000);
    public static readonly BigInteger MinPrice = 100 * Gwei;
    public static readonly BigInteger OneOne = BigInteger.Pow(10, 18);

    private static readonly AccountKey[] Keys =
        [.. Enumerable.Range(0, 8).Select(i => AccountKey.FromSecret(SHA256.HashData(Encoding.ASCII.GetBytes($"pool sender {i}"))))];

    public static Address Addr(int i) => new(Keys[i].Address);

    public static AccountKey Key(int i) => Keys[i];

    /// <summary>Shard 0 of 2 with every sender funded with 1,000 ONE.</summary>
    public static ShardLedger Ledger(bool acceptSimulated = false)
    {
        var l = ShardLedger.Genesis(0, 2, ChainId, acceptSimulated);
        for (var i = 0; i < Keys.Length; i++) l = l.Fund(Addr(i), 1000 * OneOne);
        return l;
    }

    public static Transfer Message(int from, ulong nonce, BigInteger? price = null, BigInteger? amount = null, ulong gasLimit = Transfer.IntrinsicGas,
        uint shard = 0, uint toShard = 0, int to = 7) =>
        new(Addr(from), Addr(to), shard, toShard, amount ?? BigInteger.One, nonce) { GasPrice = price ?? MinPrice, GasLimit = gasLimit };

    /// <summary>A really signed transfer of 1 atto from <paramref name="from"/>.</summary>
    public static SignedTransfer Tx(int from, ulong nonce, BigInteger? price = null, BigInteger? amount = null, ulong gasLimit = Transfer.IntrinsicGas,
        uint shard = 0, uint toShard = 0, ulong chainId = ChainId) =>
        SignedTransfer.Sign(Message(from, nonce, price, amount, gasLimit, shard, toShard), Keys[from], chainId);

    public static TxPool Pool(int capacity = 9_216) => new(0, TxPoolRules.Harmony with { Capacity = capacity });

    public static void Accepted(PoolAddOutcome outcome) => Assert.AreEqual(PoolAddKind.Accepted, outcome.Kind, outcome.ToString());

    public static void Rejected(PoolRejection reason, PoolAddOutcome outcome)
    {
        Assert.AreEqual(PoolAddKind.Rejected, outcome.Kind, outcome.ToString());
        Assert.AreEqual(reason, outcome.Rejection);
    }
}
