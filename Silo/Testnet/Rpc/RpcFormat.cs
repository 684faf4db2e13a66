using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;
using HarmonySim.Protocol.Crypto.Accounts;
using HarmonySim.Simulation.Testnet;

namespace HarmonySim.Silo.Testnet.Rpc;

/// <summary>
/// The JSON shapes of blocks, transactions and receipts as Ethereum clients (ethers) and Harmony's SDK read them:
/// Ethereum's field names, plus Harmony's (shardID, toShardID, epoch, viewID, ethHash) where its node adds them.
/// </summary>
public static class RpcFormat
{
    private const string EmptyHash = "0x0000000000000000000000000000000000000000000000000000000000000000";
    private static readonly string EmptyBloom = "0x" + new string('0', 512);

    public static JsonNode Quantity(ulong value, RpcStyle style) =>
        style == RpcStyle.Numbers ? JsonValue.Create(value) : JsonValue.Create("0x" + value.ToString("x", CultureInfo.InvariantCulture));

    public static JsonNode Quantity(BigInteger value, RpcStyle style) =>
        style == RpcStyle.Numbers ? JsonNode.Parse(value.ToString(CultureInfo.InvariantCulture))! : JsonValue.Create(Hex(value));

    public static JsonNode Quantity(string decimalValue, RpcStyle style) => Quantity(BigInteger.Parse(decimalValue, CultureInfo.InvariantCulture), style);

    public static string Hex(BigInteger value) => value.IsZero ? "0x0" : "0x" + value.ToString("x", CultureInfo.InvariantCulture).TrimStart('0');

    public static JsonObject Block(ChainBlock b, JsonArray transactions, RpcStyle style) => new()
    {
        ["number"] = Quantity(b.Number, style),
        ["hash"] = b.Hash,
        ["parentHash"] = b.ParentHash,
        ["nonce"] = "0x0000000000000000",
        ["mixHash"] = EmptyHash,
        ["sha3Uncles"] = EmptyHash,
        ["logsBloom"] = EmptyBloom,
        ["transactionsRoot"] = b.TransactionsRoot,
        ["stateRoot"] = b.StateRoot,
        ["receiptsRoot"] = EmptyHash,
        ["miner"] = Address(b.Miner, style),
        ["difficulty"] = Quantity(0UL, style),
        ["totalDifficulty"] = Quantity(0UL, style),
        ["extraData"] = "0x",
        ["size"] = Quantity((ulong)b.Size, style),
        ["gasLimit"] = Quantity(b.GasLimit, style),
        ["gasUsed"] = Quantity(b.GasUsed, style),
        ["timestamp"] = Quantity(b.Timestamp, style),
        ["transactions"] = transactions,
        ["uncles"] = new JsonArray(),
        ["epoch"] = Quantity(b.Epoch, style),
        ["viewID"] = Quantity(b.ViewId, style),
        ["shardID"] = b.Shard,
    };

    public static JsonObject Transaction(ChainTransaction t, RpcStyle style, bool ethereum) => new()
    {
        ["blockHash"] = t.BlockHash,
        ["blockNumber"] = Quantity(t.BlockNumber, style),
        ["transactionIndex"] = Quantity((ulong)t.Index, style),
        ["hash"] = ethereum && t.Format == "harmony" && t.OtherHash is { } eth ? eth : t.Hash,
        ["ethHash"] = t.Format == "harmony" ? t.OtherHash : t.Hash,
        ["type"] = "0x0",
        ["from"] = Address(t.From, style),
        ["to"] = Address(t.To, style),
        ["gas"] = Quantity(t.Gas, style),
        ["gasPrice"] = Quantity(t.GasPrice, style),
        ["input"] = "0x",
        ["nonce"] = Quantity(t.Nonce, style),
        ["value"] = Quantity(t.Value, style),
        ["v"] = Quantity(t.V, RpcStyle.Hex),
        ["r"] = t.R,
        ["s"] = t.S,
        ["chainId"] = Quantity(t.ChainId, RpcStyle.Hex),
        ["shardID"] = t.ShardId,
        ["toShardID"] = t.ToShardId,
        ["timestamp"] = Quantity(t.Timestamp, style),
    };

    /// <summary>
    /// An outside staking transaction as Harmony's getStakingTransactionByHash answers (its RPCStakingTransaction
    /// fields; the directive's own message fields are not repeated: getValidatorInformation has their effect).
    /// </summary>
    public static JsonObject StakingTransaction(ChainTransaction t, RpcStyle style) => new()
    {
        ["blockHash"] = t.BlockHash,
        ["blockNumber"] = Quantity(t.BlockNumber, style),
        ["transactionIndex"] = Quantity((ulong)t.Index, style),
        ["hash"] = t.Hash,
        ["type"] = t.StakingDirective,
        ["from"] = Address(t.From, style),
        ["gas"] = Quantity(t.Gas, style),
        ["gasPrice"] = Quantity(t.GasPrice, style),
        ["nonce"] = Quantity(t.Nonce, style),
        ["v"] = Quantity(t.V, RpcStyle.Hex),
        ["r"] = t.R,
        ["s"] = t.S,
        ["timestamp"] = Quantity(t.Timestamp, style),
    };

    public static JsonObject Receipt(ChainTransaction t, RpcStyle style, bool ethereum) => new()
    {
        ["transactionHash"] = ethereum && t.Format == "harmony" && t.OtherHash is { } eth ? eth : t.Hash,
        ["transactionIndex"] = Quantity((ulong)t.Index, style),
        ["blockHash"] = t.BlockHash,
        ["blockNumber"] = Quantity(t.BlockNumber, style),
        ["from"] = Address(t.From, style),
        ["to"] = Address(t.To, style),
        ["gasUsed"] = Quantity(t.GasUsed, style),
        ["cumulativeGasUsed"] = Quantity(t.CumulativeGasUsed, style),
        ["effectiveGasPrice"] = Quantity(t.GasPrice, style),
        ["contractAddress"] = null,
        ["logs"] = new JsonArray(),
        ["logsBloom"] = EmptyBloom,
        ["status"] = Quantity(1UL, style),
        ["type"] = "0x0",
        ["shardID"] = t.ShardId,
        ["toShardID"] = t.ToShardId,
    };

    /// <summary>A credited cross-shard receipt as Harmony's getCXReceiptByHash answers on the destination shard.</summary>
    public static JsonObject CreditedReceipt(CreditedReceipt r, RpcStyle style) => new()
    {
        ["blockHash"] = r.BlockHash,
        ["blockNumber"] = Quantity(r.BlockNumber, style),
        ["hash"] = r.TxHash,
        ["from"] = Address(r.From, style),
        ["to"] = Address(r.To, style),
        ["shardID"] = r.ShardId,
        ["toShardID"] = r.ToShardId,
        ["value"] = Quantity(r.Value, style),
    };

    /// <summary>An address as the family writes it: 0x hex for eth_ and hmy_, Harmony's one1 for hmyv2_.</summary>
    public static string Address(string hex, RpcStyle style) =>
        style == RpcStyle.Numbers ? Bech32.EncodeAddress("one", Convert.FromHexString(hex.AsSpan(2))) : hex;
}
