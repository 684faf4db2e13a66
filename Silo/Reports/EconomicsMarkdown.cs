using System.Globalization;
using System.Text;

namespace HarmonySim.Silo.Reports;

/// <summary>report.md's token economics: issuance, supply and inflation, the supply plot, and each validator's yield.</summary>
public static class EconomicsMarkdown
{
    public static void Append(StringBuilder md, EconomicsReport? e, IReadOnlyList<string> plots)
    {
        ArgumentNullException.ThrowIfNull(md);
        ArgumentNullException.ThrowIfNull(plots);
        if (e is null) return;
        md.AppendLine();
        md.AppendLine("## Token economics");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"Issuance: {e.Issuance}. Supply {e.GenesisSupply} ONE at genesis, {e.TotalSupply} ONE at the last beacon block: minted {e.Minted} ONE (of which {e.MintedToDao} to the DAO), burned {e.Burned} ONE.");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture,
            $"Annualised inflation from {Stats.Format(e.MeasuredFromS)} s to {Stats.Format(e.MeasuredToS)} s: **{e.AnnualisedInflation * 100:0.####} %** minted a year ({e.AnnualisedNetInflation * 100:0.####} % net of burns).");
        md.AppendLine();
        if (plots.Contains(EconomicsPlot.Supply)) md.AppendLine(CultureInfo.InvariantCulture, $"![supply]({EconomicsPlot.Supply})");
        md.AppendLine();
        md.AppendLine("| epoch end | at (s) | supply (ONE) | minted (ONE) | burned (ONE) | reward per block from here (ONE) |");
        md.AppendLine("|---|---|---|---|---|---|");
        foreach (var p in e.SupplyOverTime)
            md.AppendLine(CultureInfo.InvariantCulture, $"| {(p.EpochEnd ? p.Epoch.ToString(CultureInfo.InvariantCulture) : p.AtS == 0 ? "genesis" : "last block")} | {Stats.Format(p.AtS)} | {p.Supply} | {p.Minted} | {p.Burned} | {p.RewardPerBlock} |");
        if (e.Yield.Count == 0) return;
        md.AppendLine();
        md.AppendLine("| validator | node | cohort | stake (ONE) | rewards (ONE) | APR |");
        md.AppendLine("|---|---|---|---|---|---|");
        foreach (var y in e.Yield)
            md.AppendLine(CultureInfo.InvariantCulture, $"| `{y.Validator}` | {y.Node} | {y.Cohort} | {y.Stake:0.##} | {y.Rewards:0.######} | {y.Apr * 100:0.##} % |");
    }
}
