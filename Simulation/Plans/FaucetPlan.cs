namespace HarmonySim.Simulation.Plans;

/// <summary>
/// A testnet's faucet: the account <see cref="Testnet.FaucetAccount"/> derives from the seed holds
/// <paramref name="Balance"/> ONE on every shard from genesis (the plan's genesis grants include it) and pays
/// <paramref name="Amount"/> ONE a request, at most <paramref name="MaxAmount"/>, to one address at most once per
/// <paramref name="Interval"/> of wall-clock time.
/// </summary>
public sealed record FaucetPlan(decimal Balance, decimal Amount, decimal MaxAmount, TimeSpan Interval);
