namespace HarmonySim.Protocol.Staking.Availability;

/// <summary>A validator's signing counters (reference §5.3): blocks it had to sign and blocks it signed, one per slot per block.</summary>
public readonly record struct SigningCounters(ulong ToSign, ulong Signed)
{
    public static SigningCounters operator +(SigningCounters a, SigningCounters b) => new(a.ToSign + b.ToSign, a.Signed + b.Signed);

    /// <summary>The epoch's counters: counters now minus those in the epoch-start snapshot.</summary>
    public static SigningCounters operator -(SigningCounters now, SigningCounters snapshot) =>
        new(checked(now.ToSign - snapshot.ToSign), checked(now.Signed - snapshot.Signed));

    public static SigningCounters Add(SigningCounters a, SigningCounters b) => a + b;
    public static SigningCounters Subtract(SigningCounters now, SigningCounters snapshot) => now - snapshot;
}
