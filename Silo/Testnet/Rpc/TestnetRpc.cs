using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using HarmonySim.Grains.Interfaces.Runs;
using HarmonySim.Protocol.Chain.Transactions;
using HarmonySim.Simulation.Plans;
using HarmonySim.Simulation.Testnet;

namespace HarmonySim.Silo.Testnet.Rpc;

/// <summary>
/// The testnet's JSON-RPC methods, per shard: Ethereum's eth_/net_/web3_ for wallets and Harmony's hmy_ (hex
/// quantities) and hmyv2_ (plain numbers) for its SDK and CLI. Reads go to the shard network grain that owns the
/// canonical chain and ledger; a sent transaction waits for the next step, when the shard's pool takes or refuses it.
/// </summary>
public sealed class TestnetRpc
{
    public const string ClientVersion = "HarmonySim/1.0";
    private const string ProtocolVersion = "0x1";

    private readonly Dictionary<string, Func<RpcCall, Task<JsonNode?>>> _methods = new(StringComparer.Ordinal);
    private readonly IGrainFactory _grains;
    private readonly RunPlan _plan;
    private readonly TestnetInput _input;
    private readonly TimeSpan _answerTimeout;

    public TestnetRpc(IGrainFactory grains, RunPlan plan, TestnetInput input, TimeSpan? answerTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        _grains = grains;
        _plan = plan;
        _input = input;
        _answerTimeout = answerTimeout ?? TimeSpan.FromSeconds(30);
        HarmonyChainId = plan.Testnet?.ChainId ?? throw new ArgumentException("not a testnet plan", nameof(plan));

        _methods["eth_chainId"] = c => Done(RpcFormat.Quantity(EthChainId.Of(HarmonyChainId, (uint)c.Shard), RpcStyle.Hex));
        _methods["net_version"] = c => Done(JsonValue.Create(EthChainId.Of(HarmonyChainId, (uint)c.Shard).ToString(CultureInfo.InvariantCulture)));
        _methods["web3_clientVersion"] = _ => Done(JsonValue.Create(ClientVersion));
        _methods["net_listening"] = _ => Done(JsonValue.Create(true));
        _methods["net_peerCount"] = _ => Done(JsonValue.Create("0x0"));
        _methods["eth_syncing"] = _ => Done(JsonValue.Create(false));
        _methods["eth_accounts"] = _ => Done(new JsonArray());
        _methods["eth_call"] = Call;
        _methods["eth_getCode"] = c => { c.Params.Address(0); return Done(JsonValue.Create("0x")); };
        _methods["eth_maxPriorityFeePerGas"] = _ => Done(RpcFormat.Quantity(0UL, RpcStyle.Hex));
        _methods["hmy_getShardingStructure"] = ShardingStructure;
        _methods["hmyv2_getShardingStructure"] = ShardingStructure;
        _methods["hmy_getCXReceiptByHash"] = async c => await Shard(c.Shard).CreditedReceipt(c.Params.Hash(0)) is { } r ? RpcFormat.CreditedReceipt(r, RpcStyle.Hex) : null;
        _methods["hmyv2_getCXReceiptByHash"] = async c => await Shard(c.Shard).CreditedReceipt(c.Params.Hash(0)) is { } r ? RpcFormat.CreditedReceipt(r, RpcStyle.Numbers) : null;
        foreach (var (prefix, style) in new[] { ("eth_", RpcStyle.Hex), ("hmy_", RpcStyle.Hex), ("hmyv2_", RpcStyle.Numbers) })
        {
            var ethereum = prefix == "eth_";
            _methods[prefix + "blockNumber"] = async c => RpcFormat.Quantity((await Head(c.Shard)).Number, style);
            _methods[prefix + "getBalance"] = async c => RpcFormat.Quantity((await Account(c, 1)).Balance, style);
            _methods[prefix + "getTransactionCount"] = async c => RpcFormat.Quantity(await Nonce(c), style);
            _methods[prefix + "gasPrice"] = _ => Done(RpcFormat.Quantity(new System.Numerics.BigInteger(plan.Testnet.Mempool.MinGasPrice), style));
            _methods[prefix + "estimateGas"] = c => EstimateGas(c, style);
            _methods[prefix + "getBlockByNumber"] = async c => await BlockJson(c, await Shard(c.Shard).Block(c.Params.Block(0)), style, ethereum);
            _methods[prefix + "getBlockByHash"] = async c => await BlockJson(c, await Shard(c.Shard).BlockByHash(c.Params.Hash(0)), style, ethereum);
            // Harmony answers a staking transaction's hash with getStakingTransactionByHash, not here; its receipt with either.
            _methods[prefix + "getTransactionByHash"] = async c => await Transaction(c) is { StakingDirective: null } t ? RpcFormat.Transaction(t, style, ethereum) : null;
            _methods[prefix + "getTransactionReceipt"] = async c => await Transaction(c) is { } t ? RpcFormat.Receipt(t, style, ethereum) : null;
            _methods[prefix + "sendRawTransaction"] = SendRawTransaction;
            if (ethereum) continue;
            _methods[prefix + "getStakingTransactionByHash"] = async c => await Transaction(c) is { StakingDirective: not null } t ? RpcFormat.StakingTransaction(t, style) : null;
            _methods[prefix + "getAccountNonce"] = async c => RpcFormat.Quantity((await Account(c, 1)).Nonce, RpcStyle.Numbers);
            _methods[prefix + "protocolVersion"] = _ => Done(style == RpcStyle.Numbers ? JsonValue.Create(1) : JsonValue.Create(ProtocolVersion));
            _methods[prefix + "getEpoch"] = async c => RpcFormat.Quantity((await Head(c.Shard)).Epoch, style);
            _methods[prefix + "latestHeader"] = async c => LatestHeader(await Head(c.Shard));
            _methods[prefix + "chainId"] = c => Done(RpcFormat.Quantity(HarmonyChainId, style));
        }
    }

    /// <summary>Harmony's chain id the testnet's transactions are signed for (its Ethereum ids follow from it).</summary>
    public ulong HarmonyChainId { get; }

    public int Shards => _plan.Shards;

    public bool Knows(string method) => _methods.ContainsKey(method);

    /// <summary>Adds a method served by another class (the faucet's, the staking reads'), before the endpoint starts.</summary>
    public void Register(string method, Func<RpcCall, Task<JsonNode?>> handler)
    {
        if (!_methods.TryAdd(method, handler)) throw new ArgumentException($"the method {method} is already registered", nameof(method));
    }

    public Task<JsonNode?> Invoke(string method, RpcCall call) =>
        _methods.TryGetValue(method, out var handler) ? handler(call) : throw new RpcException(RpcErrors.MethodNotFound, $"the method {method} does not exist/is not available");

    private static Task<JsonNode?> Done(JsonNode? value) => Task.FromResult(value);

    private IShardNetworkGrain Shard(int shard) => _grains.GetGrain<IShardNetworkGrain>($"{_plan.RunId}/{shard}");

    private async Task<ChainBlock> Head(int shard) => await Shard(shard).Block(null) ?? throw new RpcException(RpcErrors.ServerError, "the chain has not started yet");

    /// <summary>The committed account; only the latest state is kept, so a block other than the head is refused.</summary>
    private async Task<AccountState> Account(RpcCall c, int blockParam)
    {
        var address = c.Params.Address(0);
        if (c.Params.Block(blockParam) is { } number && number != (await Head(c.Shard)).Number)
            throw new RpcException(RpcErrors.ServerError, $"state at block {number} is not kept: only the latest block's (ask for \"latest\")");
        return await Shard(c.Shard).Account(address);
    }

    private async Task<ulong> Nonce(RpcCall c)
    {
        var pending = c.Params.At(1) is { ValueKind: JsonValueKind.String } tag && tag.GetString() == "pending";
        var account = await Account(c, 1);
        return pending ? account.PendingNonce : account.Nonce;
    }

    private async Task<ChainTransaction?> Transaction(RpcCall c) => await Shard(c.Shard).Transaction(c.Params.Hash(0));

    private async Task<JsonNode?> BlockJson(RpcCall c, ChainBlock? block, RpcStyle style, bool ethereum)
    {
        if (block is null) return null;
        var full = c.Params.Bool(1, "fullTransactions", false);
        var txs = new JsonArray();
        foreach (var hash in block.Transactions)
        {
            if (!full) txs.Add(hash);
            else if (await Shard(c.Shard).Transaction(hash) is { } t) txs.Add(RpcFormat.Transaction(t, style, ethereum));
        }
        return RpcFormat.Block(block, txs, style);
    }

    private static JsonObject LatestHeader(ChainBlock head) => new()
    {
        ["blockHash"] = head.Hash,
        ["blockNumber"] = head.Number,
        ["shardID"] = head.Shard,
        ["leader"] = RpcFormat.Address(head.Miner, RpcStyle.Numbers),
        ["viewID"] = head.ViewId,
        ["epoch"] = head.Epoch,
        ["timestamp"] = DateTimeOffset.FromUnixTimeSeconds((long)head.Timestamp).UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss +0000 UTC", CultureInfo.InvariantCulture),
        ["unixtime"] = head.Timestamp,
        ["lastCommitSig"] = "",
        ["lastCommitBitmap"] = "",
        ["crossLinks"] = new JsonArray(),
    };

    private Task<JsonNode?> ShardingStructure(RpcCall c)
    {
        var shards = new JsonArray();
        for (var s = 0; s < _plan.Shards; s++)
            shards.Add(new JsonObject
            {
                ["current"] = s == c.Shard,
                ["http"] = $"{c.BaseUrl}/rpc/{s}",
                ["shardID"] = s,
                ["ws"] = $"{c.BaseUrl.Replace("http", "ws", StringComparison.Ordinal)}/rpc/{s}",
            });
        return Done(shards);
    }

    /// <summary>A value transfer uses 21,000 gas; anything with a payload cannot run here (no contracts).</summary>
    private static Task<JsonNode?> EstimateGas(RpcCall c, RpcStyle style)
    {
        var call = c.Params.Object(0, "transaction");
        RequireNoPayload(call);
        return Done(RpcFormat.Quantity(Transfer.IntrinsicGas, style));
    }

    /// <summary>eth_call: there are no contracts, so a call with no payload returns empty data and one with a payload is refused.</summary>
    private static Task<JsonNode?> Call(RpcCall c)
    {
        RequireNoPayload(c.Params.Object(0, "transaction"));
        return Done(JsonValue.Create("0x"));
    }

    private static void RequireNoPayload(JsonElement call)
    {
        foreach (var field in new[] { "data", "input" })
            if (call.TryGetProperty(field, out var d) && d.ValueKind == JsonValueKind.String && d.GetString() is { Length: > 2 })
                throw new RpcException(RpcErrors.ServerError, $"{field}: this network runs value transfers only (no contracts)");
        if (call.TryGetProperty("value", out var v)) RpcParams.BigQuantity(v, "value");
    }

    private async Task<JsonNode?> SendRawTransaction(RpcCall c)
    {
        var bytes = c.Params.Bytes(0, "transaction");
        var decoded = SignedTransfer.Decode(bytes);
        if (!decoded.Ok) throw RpcErrors.Params($"argument 0 (transaction): {decoded.Error}");
        var tx = decoded.Value!;
        if (tx.Message.ShardId != c.Shard)
            throw new RpcException(RpcErrors.ServerError, $"the transaction is for shard {tx.Message.ShardId}; this endpoint serves shard {c.Shard} (send it to /rpc/{tx.Message.ShardId})");
        if (await Submit(c.Shard, bytes) is { } answer) throw new RpcException(RpcErrors.ServerError, $"transaction rejected: {answer}");
        return JsonValue.Create(tx.Hash.ToString());
    }

    /// <summary>Offers encoded bytes to the shard for the next step and waits for its answer: null when taken (and journaled), else why not.</summary>
    public async Task<string?> Submit(int shard, byte[] bytes)
    {
        var pending = _input.Offer(shard, bytes) ?? throw new RpcException(RpcErrors.LimitExceeded, "too many transactions are waiting for the next block; try again shortly");
        return await pending.Answer.Task.WaitAsync(_answerTimeout);
    }
}
