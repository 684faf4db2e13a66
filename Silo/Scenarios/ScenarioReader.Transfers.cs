using System.Collections.Immutable;
using HarmonySim.Silo.Scenarios.Model;
using YamlDotNet.RepresentationModel;

namespace HarmonySim.Silo.Scenarios;

internal sealed partial class ScenarioReader
{
    // ---------------------------------------------------------------- transfers

    private TransfersSpec? ReadTransfers(Fields m, Fields top, NetworkSpec? network, DurationSpec? duration)
    {
        var errorsBefore = errors.Count;
        if (!top.Has("staking"))
            Error(m.Node, "transfers", "needs a staking section: receipt proofs are checked against the committees the beacon chain elects, so transfers run only in staking runs");
        var accounts = ReadTransferAccounts(m, network, out var shardOf);
        var scripted = ReadScriptedTransfers(m, shardOf, duration);
        if (errors.Count > errorsBefore || accounts is null || scripted is null) return null;
        return new TransfersSpec { Accounts = accounts.Value, Scripted = scripted.Value };
    }

    /// <summary>Reads <c>transfers.accounts</c>; <paramref name="shardOf"/> gets each account's shard when every name could be read, else null.</summary>
    private ImmutableArray<TransferAccountSpec>? ReadTransferAccounts(Fields m, NetworkSpec? network, out Dictionary<string, int>? shardOf)
    {
        shardOf = new Dictionary<string, int>(StringComparer.Ordinal);
        if (!m.Has("accounts")) return [];
        var list = List(m, "accounts");
        if (list is null) { shardOf = null; return null; }
        var result = ImmutableArray.CreateBuilder<TransferAccountSpec>();
        var lines = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        var ok = true;
        var allNamed = true;
        for (var i = 0; i < list.Children.Count; i++)
        {
            var a = Map(list.Children[i], $"transfers.accounts[{i}]", "transfers.accounts[]");
            if (a is null) { ok = false; allNamed = false; continue; }
            var name = Text(a, "name", required: true);
            if (name is null) allNamed = false;
            else if (!IsCohortName(name))
            {
                Error(a.Value("name")!, a.PathOf("name"), $"must be letters, digits, '-' and '_', starting with a letter or digit, at most 64 characters; got '{Echo(name)}'");
                name = null;
                allNamed = false;
            }
            else if (lines.TryGetValue(name, out var first))
            {
                Error(a.Value("name")!, a.PathOf("name"), $"'{name}' is already the name of the account at line {first.Start.Line}");
                name = null;
            }
            else lines[name] = a.Value("name")!;
            var shard = Int(a, "shard", 0, network is null ? MaxShards - 1 : network.Shards - 1, required: true,
                rangeNote: network is null ? null : $"a shard of the network, between 0 and {network.Shards - 1}");
            var balance = Amount(a, "balance", required: true);
            if (balance == 0) { Error(a.Value("balance")!, a.PathOf("balance"), "must be more than 0 ONE"); balance = null; }
            if (name is not null && shard is not null) shardOf?.TryAdd(name, (int)shard);
            else if (name is not null) allNamed = false;
            if (name is null || shard is null || balance is null) { ok = false; continue; }
            result.Add(new TransferAccountSpec { Name = name, Shard = (int)shard, Balance = balance.Value });
        }
        if (!allNamed) shardOf = null;
        return ok ? result.ToImmutable() : null;
    }

    private ImmutableArray<ScriptedTransferSpec>? ReadScriptedTransfers(Fields m, Dictionary<string, int>? shardOf, DurationSpec? duration)
    {
        if (!m.Has("scripted")) return [];
        var list = List(m, "scripted");
        if (list is null) return null;
        var result = ImmutableArray.CreateBuilder<ScriptedTransferSpec>();
        var ok = true;
        for (var i = 0; i < list.Children.Count; i++)
        {
            var t = Map(list.Children[i], $"transfers.scripted[{i}]", "transfers.scripted[]");
            var transfer = t is null ? null : ReadScriptedTransfer(t, shardOf, duration);
            if (transfer is null) ok = false;
            else result.Add(transfer);
        }
        return ok ? result.ToImmutable() : null;
    }

    private ScriptedTransferSpec? ReadScriptedTransfer(Fields m, Dictionary<string, int>? shardOf, DurationSpec? duration)
    {
        var errorsBefore = errors.Count;
        var at = Time(m, "at", TimeSpan.Zero, ScenarioValues.MaxDuration, required: true);
        if (at is { } t && duration is { Kind: DurationKind.Time, Time: { } end } && t >= end)
            Error(m.Value("at")!, m.PathOf("at"), $"is at or after the end of the run (duration.time is {Seconds(end)}), so the transfer would never be sent");
        var from = Account(m, "from", shardOf);
        var to = Account(m, "to", shardOf);
        if (from is not null && from == to) Error(m.Value("to")!, m.PathOf("to"), $"is the sender '{Echo(from)}' itself; a transfer moves ONE between two accounts");
        var amount = Amount(m, "amount", required: true);
        if (amount == 0) Error(m.Value("amount")!, m.PathOf("amount"), "must be more than 0 ONE");
        if (errors.Count > errorsBefore || at is null || from is null || to is null || amount is null) return null;
        return new ScriptedTransferSpec { At = at.Value, From = from, To = to, Amount = amount.Value };
    }

    /// <summary>An account name in a scripted transfer, checked against <c>transfers.accounts</c> when those could all be read.</summary>
    private string? Account(Fields m, string key, Dictionary<string, int>? shardOf)
    {
        var name = Text(m, key, required: true);
        if (name is null || shardOf is null || shardOf.ContainsKey(name)) return name;
        Error(m.Value(key)!, m.PathOf(key), shardOf.Count == 0
            ? $"unknown account '{Echo(name)}'; transfers.accounts names none"
            : $"unknown account '{Echo(name)}'{Suggest(name, shardOf.Keys)}; accounts are {string.Join(", ", shardOf.Keys)}");
        return null;
    }
}
