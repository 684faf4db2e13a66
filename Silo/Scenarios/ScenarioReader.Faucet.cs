using HarmonySim.Silo.Scenarios.Model;

namespace HarmonySim.Silo.Scenarios;

internal sealed partial class ScenarioReader
{
    // ---------------------------------------------------------------- faucet (a testnet config's free ONE)

    private FaucetSpec? ReadFaucet(Fields m, Fields top)
    {
        if (!top.Has("genesis")) return Fail<FaucetSpec>(m.Node, "faucet", "only a testnet config (with genesis:) has a faucet");
        var balance = Amount(m, "balance", required: true);
        if (balance == 0) { Error(m.Value("balance")!, m.PathOf("balance"), "must be more than 0 ONE"); balance = null; }
        var amount = Amount(m, "amount") ?? (m.Has("amount") ? null : Defaults.Amount);
        if (amount == 0) { Error(m.Value("amount")!, m.PathOf("amount"), "must be more than 0 ONE"); amount = null; }
        var max = Amount(m, "max_amount") ?? (m.Has("max_amount") ? null : Math.Max(Defaults.MaxAmount, amount ?? 0));
        if (amount is not null && max is not null && max < amount) { Error(m.Value("max_amount")!, m.PathOf("max_amount"), $"must be at least amount ({amount} ONE), got {max}"); max = null; }
        var interval = Time(m, "interval", TimeSpan.Zero, TimeSpan.FromDays(365)) ?? (m.Has("interval") ? null : Defaults.Interval);
        if (balance is null || amount is null || max is null || interval is null) return null;
        return new FaucetSpec { Balance = balance.Value, Amount = amount.Value, MaxAmount = max.Value, Interval = interval.Value };
    }

    private static readonly FaucetSpec Defaults = new();
}
