using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace HarmonySim.Silo.Scenarios;

/// <summary>
/// Passes YamlDotNet's event stream through while enforcing <see cref="ScenarioLimits"/>, so the representation model
/// built on top of it never sees a document too deep for its recursion or an alias bomb. It throws
/// <see cref="YamlLimitExceededException"/> at the first offending event, before the model has recursed into it or
/// hashed it as a mapping key. Aliases are measured, never expanded: each anchor remembers how many nodes its node
/// stands for (aliases inside counted at their own size), and an alias adds that many.
/// </summary>
internal sealed class YamlLimitGuard(IParser inner) : IParser
{
    private readonly Stack<(AnchorName Anchor, long NodesBefore)> open = new();
    private readonly Dictionary<AnchorName, long> anchorSizes = [];
    private long nodes;

    public ParsingEvent? Current => inner.Current;

    public bool MoveNext()
    {
        if (!inner.MoveNext()) return false;
        Check(inner.Current!);
        return true;
    }

    private void Check(ParsingEvent e)
    {
        switch (e)
        {
            case DocumentStart:
                // Anchors belong to one document.
                anchorSizes.Clear();
                break;
            case AnchorAlias alias:
                Count(alias, SizeOf(alias));
                break;
            case Scalar scalar:
                Count(scalar, 1);
                if (!scalar.Anchor.IsEmpty) anchorSizes[scalar.Anchor] = 1;
                break;
            case NodeEvent collection and (SequenceStart or MappingStart):
                Count(collection, 1);
                if (open.Count >= ScenarioLimits.MaxDepth)
                    throw new YamlLimitExceededException(collection.Start,
                        $"lists and mappings are nested more than {ScenarioLimits.MaxDepth} deep here; scenario files are limited to {ScenarioLimits.MaxDepth} levels");
                // Until it closes, an alias to this anchor would be a cycle; forget any earlier node of the same name.
                if (!collection.Anchor.IsEmpty) anchorSizes.Remove(collection.Anchor);
                open.Push((collection.Anchor, nodes - 1));
                break;
            case SequenceEnd or MappingEnd:
                var (anchor, before) = open.Pop();
                if (!anchor.IsEmpty) anchorSizes[anchor] = nodes - before;
                break;
        }
    }

    private long SizeOf(AnchorAlias alias)
    {
        if (anchorSizes.TryGetValue(alias.Value, out var size)) return size;
        var name = ScenarioValues.Echo(alias.Value.Value);
        throw new YamlLimitExceededException(alias.Start, open.Any(o => o.Anchor == alias.Value)
            ? $"alias *{name} refers to the list or mapping it is inside of; a scenario cannot contain itself"
            : $"alias *{name} has no anchor &{name} before it");
    }

    private void Count(ParsingEvent at, long added)
    {
        nodes += added;
        if (nodes <= ScenarioLimits.MaxNodes) return;
        throw new YamlLimitExceededException(at.Start, at is AnchorAlias alias
            ? $"alias *{ScenarioValues.Echo(alias.Value.Value)} repeats {added:N0} nodes, which takes the file past {ScenarioLimits.MaxNodes:N0} nodes " +
              "(aliases count as the nodes they repeat; scenario files are limited to that many)"
            : $"the file has more than {ScenarioLimits.MaxNodes:N0} YAML nodes (values, lists and mappings); scenario files are limited to that many");
    }
}
