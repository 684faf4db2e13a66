namespace HarmonySim.Simulation.Propagation;

/// <summary>
/// The decoding condition of a RaptorQ-like fountain code, as the simulator models it (not the code itself): a
/// message is cut into source blocks of at most <see cref="IdaPlan.SourceBlockBytes"/>, each of k symbols of
/// <see cref="IdaPlan.SymbolBytes"/>; a receiver decodes a block once it holds k + <see cref="IdaPlan.Overhead"/>
/// distinct symbols of it (RFC 6330: with k + 2 symbols decoding fails with probability about 10⁻⁶, so the model
/// treats it as certain), and the message once every block decoded. Which symbols arrive does not matter: any
/// k + overhead of a block's source or repair symbols decode it.
/// </summary>
public sealed class RaptorSymbols
{
    private readonly int[] _needed;
    private readonly HashSet<long> _seen = [];
    private readonly int[] _held;
    private int _blocksDecoded;

    public RaptorSymbols(int messageBytes, IdaPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        _needed = [.. SourceSymbols(messageBytes, plan).Select(k => k + plan.Overhead)];
        _held = new int[_needed.Length];
    }

    /// <summary>Source symbols per source block of a message of <paramref name="messageBytes"/>.</summary>
    public static IReadOnlyList<int> SourceSymbols(int messageBytes, IdaPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var blocks = Math.Max(1, (messageBytes + plan.SourceBlockBytes - 1) / plan.SourceBlockBytes);
        var result = new int[blocks];
        for (var b = 0; b < blocks; b++)
        {
            var bytes = Math.Min(plan.SourceBlockBytes, messageBytes - (b * plan.SourceBlockBytes));
            result[b] = Math.Max(1, (bytes + plan.SymbolBytes - 1) / plan.SymbolBytes);
        }
        return result;
    }

    public int Blocks => _needed.Length;

    /// <summary>Symbols block <paramref name="block"/> needs to decode: k + overhead.</summary>
    public int Needed(int block) => _needed[block];

    public bool Decoded => _blocksDecoded == _needed.Length;

    /// <summary>Takes symbol <paramref name="id"/> of <paramref name="block"/>; a repeat changes nothing. True when this symbol completed the message.</summary>
    public bool Receive(int block, int id)
    {
        if (Decoded || !_seen.Add(((long)block << 32) | (uint)id)) return false;
        if (++_held[block] == _needed[block]) _blocksDecoded++;
        return Decoded;
    }
}
