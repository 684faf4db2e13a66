using System.Globalization;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;
using HarmonySim.Grains.Interfaces.Runs;
using HarmonySim.Protocol.Crypto.Accounts;
using HarmonySim.Simulation.Plans;
using HarmonySim.Simulation.Testnet;

namespace HarmonySim.Silo.Testnet.Rpc;

/// <summary>
/// Harmony's staking reads (hmy_ and hmyv2_ alike, as Harmony's node answers them): validators, their information,
/// delegations, the staking network's totals and the median-stake snapshot. Every shard's endpoint answers from the
/// beacon's canonical state (a <c>[ReadOnly]</c> call to shard 0's network grain); field names are Harmony's
/// (<c>staking/types</c>, <c>rpc/staking.go</c>), addresses one1 bech32, amounts atto-ONE as JSON numbers, rates
/// 18-digit decimal strings.
/// </summary>
public sealed class StakingRpc(IGrainFactory grains, RunPlan plan, Func<int, byte[], Task<string?>> submit)
{
    private const int PageSize = 100;

    /// <summary>Adds the staking methods to <paramref name="rpc"/> when the plan has staking.</summary>
    public static void Register(TestnetRpc rpc, IGrainFactory grains, RunPlan plan)
    {
        ArgumentNullException.ThrowIfNull(rpc);
        ArgumentNullException.ThrowIfNull(plan);
        var s = new StakingRpc(grains, plan, rpc.Submit);
        rpc.Register("hmy_sendRawStakingTransaction", s.SendRawStakingTransaction);
        rpc.Register("hmyv2_sendRawStakingTransaction", s.SendRawStakingTransaction);
        if (plan.Staking is null) return;
        foreach (var prefix in new[] { "hmy_", "hmyv2_" })
        {
            rpc.Register(prefix + "getAllValidatorAddresses", s.AllValidatorAddresses);
            rpc.Register(prefix + "getElectedValidatorAddresses", s.ElectedValidatorAddresses);
            rpc.Register(prefix + "getValidators", s.Validators);
            rpc.Register(prefix + "getValidatorInformation", s.ValidatorInformation);
            rpc.Register(prefix + "getAllValidatorInformation", s.AllValidatorInformation);
            rpc.Register(prefix + "getDelegationsByDelegator", s.DelegationsByDelegator);
            rpc.Register(prefix + "getDelegationsByValidator", s.DelegationsByValidator);
            rpc.Register(prefix + "getStakingNetworkInfo", s.StakingNetworkInfo);
            rpc.Register(prefix + "getCurrentUtilityMetrics", s.CurrentUtilityMetrics);
            rpc.Register(prefix + "getMedianRawStakeSnapshot", s.MedianRawStakeSnapshot);
        }
    }

    /// <summary>
    /// Decodes and checks a staking transaction as Harmony's node would before its pool (RLP, EIP-155 signature,
    /// sender = the message's validator or delegator, chain id, beacon shard), then offers it to the beacon's pool of
    /// outside staking transactions at the next step, like <c>eth_sendRawTransaction</c>: the answer is Harmony's
    /// transaction hash (Keccak-256 of the signed bytes) once the pool took it (and the journal holds it), -32000 with
    /// the reason when it would not apply (nonce, balance, unknown validator, proof of possession, ...); nothing
    /// changes then.
    /// </summary>
    public async Task<JsonNode?> SendRawStakingTransaction(RpcCall c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var bytes = c.Params.Bytes(0, "transaction");
        var decoded = Protocol.Staking.Transactions.HarmonyStakingEncoding.Decode(bytes);
        if (!decoded.Ok) throw RpcErrors.Params($"argument 0 (transaction): {decoded.Error}");
        var tx = decoded.Value!;
        if (tx.ChainId != plan.Testnet!.ChainId)
            throw new RpcException(RpcErrors.ServerError, $"invalid chain id {tx.ChainId}: this testnet's Harmony chain id is {plan.Testnet.ChainId}");
        if (c.Shard != 0) throw new RpcException(RpcErrors.ServerError, $"staking transactions go to the beacon chain: send it to /rpc/0, not /rpc/{c.Shard}");
        var what = $"{tx.Message.GetType().Name} from {One(tx.Message.Sender.ToString())} (nonce {tx.Nonce}, hash {tx.Hash})";
        if (plan.Staking is null) throw new RpcException(RpcErrors.ServerError, $"this testnet has no staking: {what} decoded and verified, not applied");
        if (await submit(0, bytes) is { } refused) throw new RpcException(RpcErrors.ServerError, $"staking transaction rejected: {what}: {refused}");
        return JsonValue.Create(tx.Hash.ToString());
    }

    public async Task<JsonNode?> AllValidatorAddresses(RpcCall c) =>
        new JsonArray([.. (await Snapshot()).Validators.Select(v => (JsonNode)One(v.Address))]);

    public async Task<JsonNode?> ElectedValidatorAddresses(RpcCall c) =>
        new JsonArray([.. (await Snapshot()).Validators.Where(v => v.InCommittee).Select(v => (JsonNode)One(v.Address))]);

    /// <summary>getValidators(epoch): the endpoint's shard committee of the current epoch, each member's address and balance.</summary>
    public async Task<JsonNode?> Validators(RpcCall c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var snapshot = await Snapshot();
        var epoch = Epoch(c.Params, 0);
        if (epoch != snapshot.Epoch)
            throw new RpcException(RpcErrors.ServerError, $"only the current epoch's committees are kept: epoch {snapshot.Epoch}, asked for {epoch}");
        var shard = grains.GetGrain<IShardNetworkGrain>($"{plan.RunId}/{c.Shard}");
        var list = new JsonArray();
        foreach (var owner in snapshot.Committees.Where(m => m.Shard == c.Shard).Select(m => m.Owner).Distinct())
        {
            var account = await shard.Account(new Protocol.Chain.Address(Convert.FromHexString(owner.AsSpan(2))));
            list.Add(new JsonObject { ["address"] = One(owner), ["balance"] = Number(account.Balance) });
        }
        return new JsonObject { ["shardID"] = c.Shard, ["validators"] = list };
    }

    public async Task<JsonNode?> ValidatorInformation(RpcCall c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var address = c.Params.Address(0).ToString();
        var snapshot = await Snapshot();
        var v = snapshot.Validators.FirstOrDefault(x => x.Address == address)
            ?? throw new RpcException(RpcErrors.ServerError, $"validator {One(address)} not found");
        return Information(v, snapshot);
    }

    /// <summary>getAllValidatorInformation(page): 100 validators a page in creation order; page -1 is all of them.</summary>
    public async Task<JsonNode?> AllValidatorInformation(RpcCall c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var page = c.Params.At(0) is { ValueKind: JsonValueKind.Number } p && p.TryGetInt32(out var n) ? n
            : c.Params.At(0) is null ? 0 : throw RpcErrors.Params("argument 0 (page): expected a page number (-1 for all)");
        if (page < -1) throw RpcErrors.Params($"argument 0 (page): expected -1 or more, got {page}");
        var snapshot = await Snapshot();
        var chosen = page == -1 ? snapshot.Validators : snapshot.Validators.Skip(page * PageSize).Take(PageSize);
        return new JsonArray([.. chosen.Select(v => (JsonNode)Information(v, snapshot))]);
    }

    public async Task<JsonNode?> DelegationsByDelegator(RpcCall c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var delegator = c.Params.Address(0).ToString();
        var list = new JsonArray();
        foreach (var v in (await Snapshot()).Validators)
            foreach (var d in v.Delegations.Where(d => d.Delegator == delegator)) list.Add(Delegation(v.Address, d));
        return list;
    }

    public async Task<JsonNode?> DelegationsByValidator(RpcCall c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var validator = c.Params.Address(0).ToString();
        var v = (await Snapshot()).Validators.FirstOrDefault(x => x.Address == validator);
        return new JsonArray([.. (v?.Delegations ?? []).Select(d => (JsonNode)Delegation(validator, d))]);
    }

    public async Task<JsonNode?> StakingNetworkInfo(RpcCall c)
    {
        var s = await Snapshot();
        return new JsonObject
        {
            ["total-supply"] = Dec(BigInteger.Parse(s.TotalSupply, CultureInfo.InvariantCulture), 18),
            ["circulating-supply"] = Dec(BigInteger.Parse(s.TotalSupply, CultureInfo.InvariantCulture), 18),
            ["epoch-last-block"] = (s.Epoch + 1) * s.BlocksPerEpoch - 1,
            ["total-staking"] = Number(s.TotalStaking),
            ["median-raw-stake"] = Dec(BigInteger.Parse(s.MedianRawStake, CultureInfo.InvariantCulture), 0),
        };
    }

    /// <summary>Harmony's utility metrics: the staked share of the supply; no issuance adjustment is modelled (0).</summary>
    public async Task<JsonNode?> CurrentUtilityMetrics(RpcCall c)
    {
        var s = await Snapshot();
        var supply = BigInteger.Parse(s.TotalSupply, CultureInfo.InvariantCulture);
        var staked = BigInteger.Parse(s.TotalStaking, CultureInfo.InvariantCulture);
        var share = supply.IsZero ? BigInteger.Zero : staked * BigInteger.Pow(10, 18) / supply;
        return new JsonObject
        {
            ["AccumulatorSnapshot"] = Number(s.TotalSupply),
            ["CurrentStakedPercentage"] = Dec(share, 18),
            ["Deviation"] = Dec(BigInteger.Zero, 0),
            ["Adjustment"] = Dec(BigInteger.Zero, 0),
        };
    }

    public async Task<JsonNode?> MedianRawStakeSnapshot(RpcCall c)
    {
        var s = await Snapshot();
        var candidates = new JsonArray();
        var total = s.Validators.Where(v => v.Status == "active").Aggregate(BigInteger.Zero, (sum, v) => sum + BigInteger.Parse(v.TotalDelegation, CultureInfo.InvariantCulture));
        foreach (var v in s.Validators.Where(v => v.Status == "active"))
        {
            var stake = BigInteger.Parse(v.TotalDelegation, CultureInfo.InvariantCulture);
            candidates.Add(new JsonObject
            {
                ["slot-owner"] = One(v.Address),
                ["validator-name"] = v.Description.Name,
                ["keys-at-auction"] = new JsonArray([.. v.SlotKeys.Select(k => (JsonNode)k[2..])]),
                ["stake"] = Number(v.TotalDelegation),
                ["percentage-of-total-auction-stake"] = Dec(total.IsZero ? BigInteger.Zero : stake * BigInteger.Pow(10, 18) / total, 18),
            });
        }
        return new JsonObject
        {
            ["epos-median-stake"] = Dec(BigInteger.Parse(s.MedianRawStake, CultureInfo.InvariantCulture), 0),
            ["max-external-slots"] = s.ExternalSlots,
            ["epos-slot-winners"] = new JsonArray([.. s.NextWinners.Select(w => (JsonNode)new JsonObject
            {
                ["slot-owner"] = One(w.Owner),
                ["bls-public-key"] = w.Key[2..],
                ["raw-stake"] = Dec(BigInteger.Parse(w.RawStake, CultureInfo.InvariantCulture), 0),
                ["eposed-stake"] = Dec(BigInteger.Parse(w.EffectiveStake, CultureInfo.InvariantCulture), 0),
                ["shard-id"] = w.Shard,
            })]),
            ["epos-slot-candidates"] = candidates,
        };
    }

    /// <summary>Harmony's ValidatorRPCEnhanced: the validator with its delegations, this epoch's signing, committee and election status, lifetime rewards.</summary>
    private static JsonObject Information(ValidatorView v, StakingSnapshot s)
    {
        var toSign = v.EpochToSign;
        var signed = v.EpochSigned;
        var keys = s.Committees.Where(m => m.Owner == v.Address).ToList();
        return new JsonObject
        {
            ["validator"] = new JsonObject
            {
                ["address"] = One(v.Address),
                ["bls-public-keys"] = new JsonArray([.. v.SlotKeys.Select(k => (JsonNode)k[2..])]),
                ["last-epoch-in-committee"] = v.LastEpochInCommittee,
                ["min-self-delegation"] = Number(v.MinSelfDelegation),
                ["max-total-delegation"] = Number(v.MaxTotalDelegation),
                ["rate"] = Rate(v.Rate),
                ["max-rate"] = Rate(v.MaxRate),
                ["max-change-rate"] = Rate(v.MaxChangeRate),
                ["update-height"] = v.CreationEpoch * s.BlocksPerEpoch,
                ["name"] = v.Description.Name,
                ["identity"] = v.Description.Identity,
                ["website"] = v.Description.Website,
                ["security-contact"] = v.Description.SecurityContact,
                ["details"] = v.Description.Details,
                ["creation-height"] = v.CreationEpoch * s.BlocksPerEpoch,
                ["delegations"] = new JsonArray([.. v.Delegations.Select(d => (JsonNode)new JsonObject
                {
                    ["delegator-address"] = One(d.Delegator),
                    ["amount"] = Number(d.Amount),
                    ["reward"] = Number(d.Reward),
                    ["undelegations"] = Undelegations(d),
                })]),
            },
            ["current-epoch-performance"] = new JsonObject
            {
                ["current-epoch-signing-percent"] = new JsonObject
                {
                    ["current-epoch-signed"] = signed,
                    ["current-epoch-to-sign"] = toSign,
                    ["current-epoch-signing-percentage"] = toSign == 0 ? "0.000000000000000000" : ((decimal)signed / toSign).ToString("0.000000000000000000", CultureInfo.InvariantCulture),
                },
                ["epoch"] = s.Epoch,
                ["block"] = s.BlockNumber,
            },
            ["metrics"] = keys.Count == 0 ? null : new JsonObject
            {
                ["by-bls-key"] = new JsonArray([.. keys.Select(k => (JsonNode)new JsonObject
                {
                    ["key"] = new JsonObject { ["bls-public-key"] = k.Key[2..], ["shard-id"] = k.Shard, ["effective-stake"] = k.EffectiveStake is { } e ? Dec(BigInteger.Parse(e, CultureInfo.InvariantCulture), 0) : null },
                })]),
            },
            ["total-delegation"] = Number(v.TotalDelegation),
            ["currently-in-committee"] = v.InCommittee,
            ["epos-status"] = EposWords.Status(v),
            ["epos-winning-stake"] = keys.Count == 0 ? null : Dec(keys.Aggregate(BigInteger.Zero, (sum, k) => sum + BigInteger.Parse(k.EffectiveStake ?? "0", CultureInfo.InvariantCulture)), 0),
            ["booted-status"] = EposWords.Booted(v),
            ["active-status"] = EposWords.Active(v),
            ["lifetime"] = new JsonObject
            {
                ["reward-accumulated"] = Number(v.LifetimeReward),
                ["apr"] = "0.000000000000000000",
            },
            ["elected-next-epoch"] = v.ElectedNext,
            ["excluded-because"] = v.ExcludedBecause,
        };
    }

    private static JsonObject Delegation(string validator, DelegationView d) => new()
    {
        ["validator_address"] = One(validator),
        ["delegator_address"] = One(d.Delegator),
        ["amount"] = Number(d.Amount),
        ["reward"] = Number(d.Reward),
        ["Undelegations"] = new JsonArray([.. d.Undelegations.Select(u => (JsonNode)new JsonObject { ["Amount"] = Number(u.Amount), ["Epoch"] = u.Epoch })]),
    };

    private static JsonArray Undelegations(DelegationView d) =>
        new([.. d.Undelegations.Select(u => (JsonNode)new JsonObject { ["amount"] = Number(u.Amount), ["epoch"] = u.Epoch })]);

    private async Task<StakingSnapshot> Snapshot() =>
        await grains.GetGrain<IShardNetworkGrain>($"{plan.RunId}/0").Staking()
        ?? throw new RpcException(RpcErrors.ServerError, "this testnet has no staking");

    /// <summary>An epoch: a number, or a 0x quantity.</summary>
    private static ulong Epoch(RpcParams p, int index)
    {
        var e = p.Required(index, "epoch");
        if (e.ValueKind == JsonValueKind.Number && e.TryGetUInt64(out var n)) return n;
        if (e.ValueKind == JsonValueKind.String) return RpcParams.Quantity(e.GetString()!, index, "epoch");
        throw RpcErrors.Params($"argument {index} (epoch): expected a number or a 0x quantity");
    }

    private static string One(string hex) => RpcFormat.Address(hex, RpcStyle.Numbers);

    private static JsonNode Number(string integer) => JsonNode.Parse(integer)!;

    /// <summary>Harmony's numeric.Dec text: the value over 10^<paramref name="scale"/> with 18 decimals (scale 0: an integer amount, shown with .000…).</summary>
    private static string Dec(BigInteger value, int scale)
    {
        var scaled = scale == 18 ? value : value * BigInteger.Pow(10, 18 - scale);
        var negative = scaled.Sign < 0;
        var digits = BigInteger.Abs(scaled).ToString(CultureInfo.InvariantCulture).PadLeft(19, '0');
        return (negative ? "-" : "") + digits[..^18] + "." + digits[^18..];
    }

    private static string Rate(decimal rate) => rate.ToString("0.000000000000000000", CultureInfo.InvariantCulture);
}
