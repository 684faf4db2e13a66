using System.Collections.Immutable;
using HarmonySim.Protocol.Crypto.Accounts;
using HarmonySim.Silo.Scenarios.Model;

namespace HarmonySim.Silo.Scenarios;

internal sealed partial class ScenarioReader
{
    // ---------------------------------------------------------------- genesis (a testnet config's funded accounts)

    private ImmutableArray<GenesisAccountSpec>? ReadGenesis(Fields top, NetworkSpec? network)
    {
        var list = List(top, "genesis");
        if (list is null) return null;
        var result = ImmutableArray.CreateBuilder<GenesisAccountSpec>();
        var ok = true;
        for (var i = 0; i < list.Children.Count; i++)
        {
            var a = Map(list.Children[i], $"genesis[{i}]", "genesis[]");
            if (a is null) { ok = false; continue; }
            var address = GenesisAddress(a);
            var shard = Int(a, "shard", 0, network is null ? MaxShards - 1 : network.Shards - 1, required: true,
                rangeNote: network is null ? null : $"a shard of the network, between 0 and {network.Shards - 1}");
            var balance = Amount(a, "balance", required: true);
            if (balance == 0) { Error(a.Value("balance")!, a.PathOf("balance"), "must be more than 0 ONE"); balance = null; }
            if (address is null || shard is null || balance is null) { ok = false; continue; }
            result.Add(new GenesisAccountSpec { Address = address, Shard = (int)shard, Balance = balance.Value });
        }
        return ok ? result.ToImmutable() : null;
    }

    /// <summary>An account address as 0x and 40 lower-case hex digits, from that form or Harmony's bech32 <c>one1…</c>.</summary>
    private string? GenesisAddress(Fields a)
    {
        var text = Read(a, "address", required: true, "an address (0x and 40 hex digits, or one1...)", out var node);
        if (text is null) return null;
        if (text.StartsWith("one1", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var bytes = Bech32.DecodeAddress("one", text);
                if (bytes.Length == 20) return "0x" + Convert.ToHexStringLower(bytes);
            }
            catch (FormatException e)
            {
                return Fail<string>(node!, a.PathOf("address"), $"is not a valid one1 address ({e.Message}): '{Echo(text)}'");
            }
        }
        else if (text.Length == 42 && text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) && text.AsSpan(2).ContainsAnyExcept(HexDigits) is false)
            return "0x" + text[2..].ToLowerInvariant();
        return Fail<string>(node!, a.PathOf("address"), $"expected 0x and 40 hex digits, or a one1... address, got '{Echo(text)}'");
    }

    private static readonly System.Buffers.SearchValues<char> HexDigits = System.Buffers.SearchValues.Create("0123456789abcdefABCDEF");
}
