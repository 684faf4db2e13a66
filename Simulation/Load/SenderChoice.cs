namespace HarmonySim.Simulation.Load;

/// <summary>
/// Picks a sender among <c>count</c> accounts, the i-th (from 0) with weight 1 / (i + 1)^skew: a Zipf law whose
/// exponent makes a few hot accounts send most transactions (0 = every account alike).
/// </summary>
public sealed class SenderChoice
{
    private readonly double[]? _cumulative;
    private readonly int _count;

    public SenderChoice(int count, double skew)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentOutOfRangeException.ThrowIfNegative(skew);
        _count = count;
        if (skew == 0) return;
        _cumulative = new double[count];
        var sum = 0.0;
        for (var i = 0; i < count; i++) _cumulative[i] = sum += Math.Pow(i + 1, -skew);
    }

    public int Pick(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (_cumulative is null) return random.Next(_count);
        var r = random.NextDouble() * _cumulative[^1];
        var i = Array.BinarySearch(_cumulative, r);
        return Math.Min(i < 0 ? ~i : i, _count - 1);
    }
}
