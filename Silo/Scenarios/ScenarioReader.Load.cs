using System.Collections.Immutable;
using HarmonySim.Protocol.Chain.Transactions;
using HarmonySim.Silo.Scenarios.Model;
using YamlDotNet.RepresentationModel;

using HarmonySim.Simulation.Plans;

namespace HarmonySim.Silo.Scenarios;

internal sealed partial class ScenarioReader
{
    // ---------------------------------------------------------------- load

    /// <summary>
    /// Most accounts one source may have, and all sources together: each is a key, a balance and a nonce in every
    /// replica of its shard, so this bounds the memory load adds to a run the way the key cap bounds validators.
    /// </summary>
    private const int MaxLoadAccounts = 1_000_000;

    /// <summary>Largest block gas limit: 100 × mainnet's 80 M already holds 380,000 transfers a block.</summary>
    private const long MaxBlockGasLimit = 8_000_000_000;

    /// <summary>Largest gas price, in gwei: 10,000 × Harmony's 100 gwei minimum, 21 ONE for a plain transfer.</summary>
    private const decimal MaxGasPriceGwei = 1_000_000;

    /// <summary>Largest Zipf exponent for the choice of sender: beyond it one account sends nearly everything anyway.</summary>
    private const decimal MaxHotSkew = 10;

    private LoadSpec? ReadLoad(Fields m, NetworkSpec? network, DurationSpec? duration)
    {
        var errorsBefore = errors.Count;
        var gasLimit = Int(m, "block_gas_limit", (long)Transfer.IntrinsicGas, MaxBlockGasLimit,
            rangeNote: $"at least {Transfer.IntrinsicGas} (one transfer's gas) and at most {MaxBlockGasLimit}");
        var signing = Enum(m, "signing", [("real", TransactionSigning.Real), ("presigned", TransactionSigning.PreSigned), ("simulated", TransactionSigning.Simulated)]);
        var mempool = Section(m, "mempool", required: false, ReadMempool);
        var saturation = Section(m, "saturation", required: false, s => Time(s, "p99_finality", TimeSpan.FromMilliseconds(1), TimeSpan.FromHours(1)) is { } t ? new Box<TimeSpan>(t) : null);
        var sources = ReadLoadSources(m, network, duration, m.Has("mempool") ? mempool : new LoadMempoolSpec());
        if (errors.Count > errorsBefore || sources is null || m.Has("mempool") && mempool is null) return null;
        return new LoadSpec
        {
            BlockGasLimit = (ulong)(gasLimit ?? (long)LoadPlan.MainnetBlockGasLimit),
            Signing = signing ?? TransactionSigning.Real,
            Mempool = mempool ?? new LoadMempoolSpec(),
            SaturationFinalityBound = saturation?.Value,
            Sources = sources.Value,
        };
    }

    /// <summary>A value type where <see cref="Section{T}"/> wants a class.</summary>
    private sealed record Box<T>(T Value) where T : struct;

    private LoadMempoolSpec? ReadMempool(Fields m)
    {
        var errorsBefore = errors.Count;
        var defaults = new LoadMempoolSpec();
        var capacity = Int(m, "capacity", 1, MaxLoadAccounts);
        var minGasPrice = GasPrice(m, "min_gas_price_gwei");
        var bump = Share(m, "price_bump");
        // Harmony's pool (core/tx_pool.go PriceBump) takes a whole percent.
        if (bump is { } b && b * 100 != decimal.Truncate(b * 100))
            Error(m.Value("price_bump")!, m.PathOf("price_bump"), $"must be a whole percent (Harmony's pool takes an integer PriceBump), got {Echo(((YamlScalarNode)m.Value("price_bump")!).Value!)}");
        if (errors.Count > errorsBefore) return null;
        return new LoadMempoolSpec
        {
            Capacity = (int)(capacity ?? defaults.Capacity),
            MinGasPrice = minGasPrice ?? defaults.MinGasPrice,
            PriceBumpPercent = bump is { } percent ? (int)(percent * 100) : defaults.PriceBumpPercent,
        };
    }

    /// <summary>Reads <c>load.sources</c>; <paramref name="mempool"/> is null when the mempool section could not be read (its minimum is then not checked).</summary>
    private ImmutableArray<LoadSourceSpec>? ReadLoadSources(Fields m, NetworkSpec? network, DurationSpec? duration, LoadMempoolSpec? mempool)
    {
        var list = List(m, "sources", required: true);
        if (list is null) return null;
        if (list.Children.Count == 0) return Fail<ImmutableArray<LoadSourceSpec>?>(list, "load.sources", "must name at least one source");
        var result = ImmutableArray.CreateBuilder<LoadSourceSpec>();
        var names = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        var ok = true;
        for (var i = 0; i < list.Children.Count; i++)
        {
            var s = Map(list.Children[i], $"load.sources[{i}]", "load.sources[]");
            var source = s is null ? null : ReadLoadSource(s, network, duration, mempool);
            if (s?.Value("name") is { } nameNode && source is not null)
            {
                if (names.TryGetValue(source.Name, out var first))
                {
                    Error(nameNode, s.PathOf("name"), $"'{source.Name}' is already the name of the source at line {first.Start.Line}");
                    source = null;
                }
                else names[source.Name] = nameNode;
            }
            if (source is null) ok = false;
            else result.Add(source);
        }
        if (!ok) return null;

        // In decimal: at most 50,000 sources (the file's node limit) × 10^6 accounts × 10^11 ONE, far inside its range.
        var accounts = result.Sum(s => (long)s.Accounts.Count);
        if (accounts > MaxLoadAccounts)
            return Fail<ImmutableArray<LoadSourceSpec>?>(list, "load.sources", Invariant($"have {accounts:N0} accounts in all; at most {MaxLoadAccounts:N0} over every source"));
        var funding = result.Sum(s => s.Accounts.Count * s.Accounts.Funding);
        if (funding > ScenarioValues.MaxAmount)
            return Fail<ImmutableArray<LoadSourceSpec>?>(list, "load.sources",
                Invariant($"fund {funding:N0} ONE at genesis in all (accounts.count × accounts.funding over every source); at most {ScenarioValues.MaxAmount:N0} ONE"));
        return result.ToImmutable();
    }

    private LoadSourceSpec? ReadLoadSource(Fields m, NetworkSpec? network, DurationSpec? duration, LoadMempoolSpec? mempool)
    {
        var errorsBefore = errors.Count;
        var name = Text(m, "name", required: true);
        if (name is not null && !IsCohortName(name))
            Error(m.Value("name")!, m.PathOf("name"), $"must be letters, digits, '-' and '_', starting with a letter or digit, at most 64 characters; got '{Echo(name)}'");
        var shards = ReadLoadShards(m, network);
        var rate = ReadRate(m, duration);
        var arrivals = Enum(m, "arrivals", [("uniform", ArrivalProcess.Uniform), ("poisson", ArrivalProcess.Poisson)]);
        var mix = Section(m, "mix", required: false, mm => ReadMix(mm, network));
        var defaults = new LoadSourceSpec();
        var amount = Amount(m, "amount");
        if (amount == 0) Error(m.Value("amount")!, m.PathOf("amount"), "must be more than 0 ONE");
        var gasPrice = GasPrice(m, "gas_price_gwei");
        var accounts = Section(m, "accounts", required: false, ReadLoadAccounts);
        if (errors.Count > errorsBefore || name is null || shards is null || rate is null) return null;

        var source = new LoadSourceSpec
        {
            Name = name,
            Shards = shards.Value,
            Rate = rate,
            Arrivals = arrivals ?? ArrivalProcess.Uniform,
            Mix = mix ?? new LoadMixSpec(),
            Amount = amount ?? defaults.Amount,
            GasPrice = gasPrice ?? defaults.GasPrice,
            Accounts = accounts ?? new LoadAccountsSpec(),
        };
        CheckLoadSource(m, source, mempool);
        return errors.Count > errorsBefore ? null : source;
    }

    /// <summary>The checks that combine a source's fields: its price against the pool's floor, its accounts against its shards and its costs.</summary>
    private void CheckLoadSource(Fields m, LoadSourceSpec source, LoadMempoolSpec? mempool)
    {
        // An error, not a warning: Harmony's pool refuses every transaction priced below its floor, so the run would offer nothing.
        if (mempool is not null && source.GasPrice < mempool.MinGasPrice)
            Error(m.Value("gas_price_gwei") ?? m.Node, m.PathOf("gas_price_gwei"),
                $"is {Gwei(source.GasPrice)} gwei{(m.Has("gas_price_gwei") ? "" : " (the default)")}, below load.mempool.min_gas_price_gwei ({Gwei(mempool.MinGasPrice)} gwei): the pool would refuse every transaction of the source");

        var accounts = m.Value("accounts") as YamlMappingNode;
        var countNode = accounts?.Children.FirstOrDefault(c => c.Key is YamlScalarNode { Value: "count" }).Value;
        if (source.Accounts.Count < source.Shards.Length)
            Error(countNode ?? m.Node, m.PathOf("accounts.count"),
                $"is {source.Accounts.Count}{(countNode is null ? " (the default)" : "")} but the source sends on {source.Shards.Length} shards; each of its shards needs at least one account (account i lives on its shard i mod {source.Shards.Length})");

        var cost = LoadSpec.TransferCost(source.Amount, source.GasPrice);
        if (source.Accounts.Funding < cost)
        {
            var fundingNode = accounts?.Children.FirstOrDefault(c => c.Key is YamlScalarNode { Value: "funding" }).Value;
            Error(fundingNode ?? m.Node, m.PathOf("accounts.funding"),
                Invariant($"cannot be funded: {source.Accounts.Funding} ONE per account{(fundingNode is null ? " (the default)" : "")} is less than one transfer's cost, amount + {Transfer.IntrinsicGas:N0} gas × gas price = {source.Amount} + {Transfer.IntrinsicGas:N0} × {Gwei(source.GasPrice)} gwei = {cost} ONE"));
        }
    }

    /// <summary>Reads <c>shards</c>: every shard of the network when absent.</summary>
    private ImmutableArray<int>? ReadLoadShards(Fields m, NetworkSpec? network)
    {
        if (!m.Has("shards")) return network is null ? null : [.. Enumerable.Range(0, network.Shards)];
        var list = List(m, "shards");
        if (list is null) return null;
        if (list.Children.Count == 0) return Fail<ImmutableArray<int>?>(list, m.PathOf("shards"), "must name at least one shard (leave it out to send on every shard)");
        var result = ImmutableArray.CreateBuilder<int>();
        var ok = true;
        for (var i = 0; i < list.Children.Count; i++)
        {
            var node = list.Children[i];
            var path = $"{m.PathOf("shards")}[{i}]";
            var text = Scalar(node, path, "a shard number");
            if (text is null) { ok = false; continue; }
            if (ScenarioValues.TryParseInteger(text, out var shard) is { } problem) { ok = Refuse(node, path, problem); continue; }
            var last = (network?.Shards ?? MaxShards) - 1;
            if (shard > last) { ok = Refuse(node, path, $"unknown shard {shard}: the network has shards 0 to {last}"); continue; }
            if (result.Contains((int)shard)) { ok = Refuse(node, path, $"shard {shard} is listed twice"); continue; }
            result.Add((int)shard);
        }
        return ok ? result.ToImmutable() : null;
    }

    private LoadMixSpec? ReadMix(Fields m, NetworkSpec? network)
    {
        var errorsBefore = errors.Count;
        var cross = Share(m, "cross_shard");
        var staking = Share(m, "staking");
        if (cross is > 0 && network is { Shards: 1 })
            Error(m.Value("cross_shard")!, m.PathOf("cross_shard"), "must be 0 in a network of one shard: a cross-shard transfer needs another shard to go to");
        if (cross + staking > 1)
            Error(m.Value("staking")!, m.PathOf("staking"), Invariant($"and cross_shard add up to {(cross + staking) * 100:0.##}%, more than 100%"));
        // The kernel does not generate staking transactions yet: refuse a share it would silently ignore.
        else if (staking is > 0)
            Error(m.Value("staking")!, m.PathOf("staking"), "must be 0% for now: load sources send transfers only (scripted staking transactions go in the staking section's actions)");
        if (errors.Count > errorsBefore) return null;
        return new LoadMixSpec { CrossShard = cross ?? 0, Staking = staking ?? 0 };
    }

    private LoadAccountsSpec? ReadLoadAccounts(Fields m)
    {
        var errorsBefore = errors.Count;
        var defaults = new LoadAccountsSpec();
        var count = Int(m, "count", 1, MaxLoadAccounts);
        var funding = Amount(m, "funding");
        if (funding == 0) Error(m.Value("funding")!, m.PathOf("funding"), "cannot be funded: must be more than 0 ONE per account");
        var skew = NonNegative(m, "hot_skew", "a Zipf exponent such as 0 or 1.2", MaxHotSkew, "");
        if (errors.Count > errorsBefore) return null;
        return new LoadAccountsSpec
        {
            Count = (int)(count ?? defaults.Count),
            Funding = funding ?? defaults.Funding,
            HotSkew = skew is { } s ? (double)s : defaults.HotSkew,
        };
    }

    /// <summary>A gas price written in gwei, as atto-ONE per gas.</summary>
    private ulong? GasPrice(Fields m, string key)
    {
        var gwei = NonNegative(m, key, "a gas price in gwei such as 100", MaxGasPriceGwei, " gwei");
        if (gwei is not { } g) return null;
        var atto = g * LoadSpec.AttoPerGwei;
        if (atto != decimal.Truncate(atto))
            return Fail<ulong?>(m.Value(key)!, m.PathOf(key), $"is finer than 1 atto-ONE (at most 9 decimals in gwei), got {Echo(((YamlScalarNode)m.Value(key)!).Value!)}");
        return (ulong)atto;
    }

    private static string Gwei(ulong atto) => Invariant($"{(decimal)atto / LoadSpec.AttoPerGwei:0.#########}");

    /// <summary>
    /// A plain number from 0 to <paramref name="max"/>; a leading minus gets its own message, as the number parser
    /// would only say it expected a number.
    /// </summary>
    private decimal? NonNegative(Fields m, string key, string expected, decimal max, string unit)
    {
        var text = Read(m, key, false, expected, out var node);
        return text is null ? null : NonNegative(node!, m.PathOf(key), text, max, unit);
    }

    private decimal? NonNegative(YamlNode node, string path, string text, decimal max, string unit)
    {
        if (text.TrimStart().StartsWith('-')) return Fail<decimal?>(node, path, $"must not be negative, got {Echo(text)}");
        if (ScenarioValues.TryParseNumber(text, out var value) is { } problem) return Fail<decimal?>(node, path, problem);
        if (value > max) return Fail<decimal?>(node, path, Invariant($"must be at most {max:#,0.##}{unit}, got {Echo(text)}"));
        return value;
    }
}
