using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Chain.Transactions;

namespace HarmonySim.Simulation.Adversaries;

/// <summary>
/// A censoring leader's choice while it builds a block: a transaction from a censored sender is left out (and counted
/// in the shard's <see cref="ShardCensorship"/>) while <paramref name="activeAt"/> gives the build's time, that is
/// while the behaviour is in force; otherwise every transaction goes through as the honest builder chose it.
/// </summary>
public sealed class CensorFilter(IReadOnlySet<Address> senders, ShardCensorship ledger, Func<TimeSpan?> activeAt)
{
    public bool Omits(SignedTransfer tx)
    {
        ArgumentNullException.ThrowIfNull(tx);
        if (!senders.Contains(tx.Message.From) || activeAt() is not { } now) return false;
        ledger.Omitted(tx.Hash, now);
        return true;
    }
}
