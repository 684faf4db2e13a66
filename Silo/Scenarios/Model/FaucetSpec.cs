namespace HarmonySim.Silo.Scenarios.Model;

/// <summary>
/// A testnet config's faucet: the account funded with <see cref="Balance"/> ONE on every shard at genesis, the
/// <see cref="Amount"/> it pays by default, the most one request may ask (<see cref="MaxAmount"/>), and how often
/// one address may be paid (<see cref="Interval"/>, wall-clock time).
/// </summary>
public sealed record FaucetSpec
{
    public decimal Balance { get; init; }
    public decimal Amount { get; init; } = 100m;
    public decimal MaxAmount { get; init; } = 1_000m;
    public TimeSpan Interval { get; init; } = TimeSpan.FromMinutes(1);
}
