namespace HarmonySim.Simulation.Propagation;

/// <summary>
/// Where one message published by <see cref="Source"/> goes along the mesh: each node's arrival offset after the
/// publish (∞ when it is never reached), the node it first got the message from, and how many copies each node sent
/// and received (gossipsub forwards a message once, on first receipt, to every mesh peer but the one it came from
/// and the publisher). Immutable once computed; <see cref="Uses"/> counts the messages that followed it, so the byte
/// and duplicate totals of a cached route are added once per use.
/// </summary>
public sealed class MeshRoute(int source, double[] arrivalMs, double[] secondArrivalMs, int[] parent, int[] sent, int[] received)
{
    public int Source { get; } = source;

    /// <summary>Milliseconds from the publish to the node's first copy; 0 at the source; ∞ if unreached.</summary>
    public IReadOnlyList<double> ArrivalMs => arrivalMs;

    /// <summary>Milliseconds from the publish to the node's second copy (∞ if it gets at most one): its arrival when the first copy is lost.</summary>
    public IReadOnlyList<double> SecondArrivalMs => secondArrivalMs;

    /// <summary>The node each node's first copy came from; −1 at the source and at unreached nodes.</summary>
    public IReadOnlyList<int> Parent => parent;

    /// <summary>Copies each node forwarded.</summary>
    public IReadOnlyList<int> Sent => sent;

    /// <summary>Copies each node received, the first included.</summary>
    public IReadOnlyList<int> Received => received;

    public int Reached { get; } = arrivalMs.Count(double.IsFinite);

    /// <summary>Copies sent over all links for one message.</summary>
    public long Transmissions { get; } = sent.Sum(s => (long)s);

    /// <summary>Copies that arrived at a node which already had the message: every transmission but the first copies.</summary>
    public long Duplicates => Transmissions - (Reached - 1);

    public long Uses { get; set; }
}
