using ScottPlot;

namespace HarmonySim.Silo.Reports;

/// <summary>Total supply over virtual time (ScottPlot), one point per epoch end, from a staking run's economics.</summary>
public static class EconomicsPlot
{
    public const string Supply = "supply.png";

    public static IReadOnlyList<string> Write(string directory, EconomicsReport? economics)
    {
        if (economics is null) return [];
        var plot = new Plot();
        var points = economics.SupplyOverTime;
        plot.Add.ScatterLine(points.Select(p => p.AtS).ToArray(), points.Select(p => ToDouble(p.Supply)).ToArray()).LegendText = "total supply";
        plot.Title("Total supply over time");
        plot.XLabel("virtual time (s)");
        plot.YLabel("ONE");
        plot.SavePng(Path.Combine(directory, Supply), 900, 450);
        return [Supply];
    }

    private static double ToDouble(string one) => double.Parse(one, System.Globalization.CultureInfo.InvariantCulture);
}
