using System.Globalization;
using System.Numerics;
using System.Text.Json;
using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Crypto.Accounts;

namespace HarmonySim.Silo.Testnet.Rpc;

/// <summary>
/// A request's positional parameters, read by type with errors naming the parameter (JSON-RPC's invalid params).
/// Quantities are 0x hex (Ethereum's and hmy_'s form) or, for hmyv2_, plain numbers; addresses 0x hex or one1 bech32.
/// </summary>
public sealed class RpcParams(JsonElement? array)
{
    public int Count => array is { ValueKind: JsonValueKind.Array } a ? a.GetArrayLength() : 0;

    public JsonElement? At(int index) => array is { ValueKind: JsonValueKind.Array } a && index < a.GetArrayLength() ? a[index] : null;

    public JsonElement Required(int index, string name) => At(index) ?? throw RpcErrors.Params($"missing value for required argument {index} ({name})");

    public string String(int index, string name)
    {
        var e = Required(index, name);
        return e.ValueKind == JsonValueKind.String ? e.GetString()! : throw RpcErrors.Params($"argument {index} ({name}): expected a string, got {Kind(e)}");
    }

    public Address Address(int index, string name = "address")
    {
        var text = String(index, name);
        if (text.StartsWith("one1", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var bech = Bech32.DecodeAddress("one", text);
                if (bech.Length == Protocol.Chain.Address.Size) return new Address(bech);
            }
            catch (FormatException)
            {
                // falls through to the common message
            }
            throw RpcErrors.Params($"argument {index} ({name}): not a valid one1 address");
        }
        var bytes = Hex(text, index, name);
        return bytes.Length == Protocol.Chain.Address.Size ? new Address(bytes) : throw RpcErrors.Params($"argument {index} ({name}): expected 20 bytes, got {bytes.Length}");
    }

    public string Hash(int index, string name = "hash")
    {
        var bytes = Hex(String(index, name), index, name);
        return bytes.Length == 32 ? "0x" + Convert.ToHexStringLower(bytes) : throw RpcErrors.Params($"argument {index} ({name}): expected a 32-byte hash, got {bytes.Length} bytes");
    }

    public byte[] Bytes(int index, string name) => Hex(String(index, name), index, name);

    public bool Bool(int index, string name, bool fallback)
    {
        if (At(index) is not { } e) return fallback;
        return e.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw RpcErrors.Params($"argument {index} ({name}): expected true or false, got {Kind(e)}"),
        };
    }

    /// <summary>A block: a tag (latest, pending, safe, finalized: the head; earliest: 0), a 0x quantity or a number; null means the head.</summary>
    public ulong? Block(int index, string name = "block")
    {
        if (At(index) is not { } e || e.ValueKind == JsonValueKind.Null) return null;
        if (e.ValueKind == JsonValueKind.Number)
            return e.TryGetUInt64(out var n) ? n : throw RpcErrors.Params($"argument {index} ({name}): expected a block number, got {e.GetRawText()}");
        if (e.ValueKind == JsonValueKind.Object && e.TryGetProperty("blockNumber", out var inner)) return new RpcParams(JsonDocument.Parse($"[{inner.GetRawText()}]").RootElement).Block(0, name);
        var text = e.ValueKind == JsonValueKind.String ? e.GetString()! : throw RpcErrors.Params($"argument {index} ({name}): expected a block number or tag, got {Kind(e)}");
        return text switch
        {
            "latest" or "pending" or "safe" or "finalized" => null,
            "earliest" => 0,
            _ => Quantity(text, index, name),
        };
    }

    /// <summary>An object parameter (a call's or an estimate's transaction).</summary>
    public JsonElement Object(int index, string name)
    {
        var e = Required(index, name);
        return e.ValueKind == JsonValueKind.Object ? e : throw RpcErrors.Params($"argument {index} ({name}): expected an object, got {Kind(e)}");
    }

    public static ulong Quantity(string text, int index, string name)
    {
        if (text.Length is < 3 or > 18 || !text.StartsWith("0x", StringComparison.Ordinal) || (text.Length > 3 && text[2] == '0')
            || !ulong.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value))
            throw RpcErrors.Params($"argument {index} ({name}): expected a 0x hex quantity without leading zeros, got '{Echo(text)}'");
        return value;
    }

    public static BigInteger BigQuantity(JsonElement e, string name)
    {
        var text = e.ValueKind == JsonValueKind.String ? e.GetString()! : e.ValueKind == JsonValueKind.Number ? e.GetRawText() : throw RpcErrors.Params($"{name}: expected a quantity, got {Kind(e)}");
        if (text.StartsWith("0x", StringComparison.Ordinal) && text.Length is > 2 and <= 66
            && BigInteger.TryParse("0" + text[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hex)) return hex;
        if (!text.StartsWith("0x", StringComparison.Ordinal) && text.Length <= 78 && BigInteger.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var dec)) return dec;
        throw RpcErrors.Params($"{name}: expected a 0x hex or decimal quantity, got '{Echo(text)}'");
    }

    private static byte[] Hex(string text, int index, string name)
    {
        if (!text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) || text.Length % 2 != 0)
            throw RpcErrors.Params($"argument {index} ({name}): expected 0x and an even number of hex digits, got '{Echo(text)}'");
        try
        {
            return Convert.FromHexString(text.AsSpan(2));
        }
        catch (FormatException)
        {
            throw RpcErrors.Params($"argument {index} ({name}): expected 0x and hex digits, got '{Echo(text)}'");
        }
    }

    private static string Kind(JsonElement e) => e.ValueKind.ToString().ToLowerInvariant();

    private static string Echo(string text) => Scenarios.ScenarioValues.Echo(text);
}
