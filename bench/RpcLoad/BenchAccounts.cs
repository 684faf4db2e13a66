using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Chain.Transactions;
using HarmonySim.Protocol.Crypto.Accounts;

namespace HarmonySim.Bench.RpcLoad;

/// <summary>
/// The benchmark's funded accounts: key i is SHA-256("harmonysim-rpc-bench/i"), funded on shard i mod shards in
/// bench/rpc-testnet.yaml (printed by <c>genesis</c>). Many senders, so one sender's transfers are seconds apart and
/// never reach a step out of nonce order.
/// </summary>
internal sealed class BenchAccounts
{
    /// <summary>Harmony's chain id of a testnet (TestnetPlan.ChainId).</summary>
    private const ulong HarmonyChainId = 2;

    private readonly AccountKey[] _keys;
    private readonly ulong[] _nonces;

    public BenchAccounts(int count)
    {
        _keys = [.. Enumerable.Range(0, count).Select(i => AccountKey.FromSecret(SHA256.HashData(Encoding.ASCII.GetBytes($"harmonysim-rpc-bench/{i}"))))];
        _nonces = new ulong[count];
    }

    public int Count => _keys.Length;

    public string AddressOf(int i) => "0x" + Convert.ToHexStringLower(_keys[i].Address);

    /// <summary>A genesis section funding account i on shard i mod <paramref name="shards"/>.</summary>
    public string Genesis(int shards, long balance)
    {
        var text = new StringBuilder("genesis:\n");
        for (var i = 0; i < Count; i++)
            text.Append(CultureInfo.InvariantCulture, $"  - address: \"{AddressOf(i)}\"\n    shard: {i % shards}\n    balance: {balance}\n");
        return text.ToString();
    }

    /// <summary>The next legacy EIP-155 transfer of 1 atto from account i to the next account on the same shard; not thread-safe (one scheduler thread signs).</summary>
    public string NextTransfer(int i, int shards)
    {
        var to = (i + shards) % Count;
        var shard = (uint)(i % shards);
        var message = new Transfer(new Address(_keys[i].Address), new Address(_keys[to].Address), shard, shard, BigInteger.One, _nonces[i]++)
        {
            GasPrice = 100_000_000_000,
            GasLimit = 21_000,
        };
        return "0x" + Convert.ToHexStringLower(SignedTransfer.Sign(message, _keys[i], EthChainId.Of(HarmonyChainId, shard), TransactionFormat.Ethereum).Encode());
    }
}
