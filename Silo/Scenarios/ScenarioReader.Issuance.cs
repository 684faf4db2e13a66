using System.Collections.Immutable;
using HarmonySim.Silo.Scenarios.Model;

namespace HarmonySim.Silo.Scenarios;

internal sealed partial class ScenarioReader
{
    // ---------------------------------------------------------------- staking.issuance

    /// <summary>Reads <c>staking.issuance</c>: eras of fixed rewards, or an annual inflation rate (one of the two).</summary>
    private IssuanceSpec? ReadIssuance(Fields m)
    {
        var errorsBefore = errors.Count;
        var rate = Share(m, "annual_inflation");
        if (rate == 0) Error(m.Value("annual_inflation")!, m.PathOf("annual_inflation"), "must be more than 0 (leave issuance out, or set block_reward: 0, for no rewards)");
        var dao = Share(m, "dao_share");
        var eras = m.Has("eras") ? ReadEras(m) : [];
        if (m.Has("annual_inflation") == m.Has("eras"))
            Error(m.Node, m.Path, m.Has("eras")
                ? "sets both annual_inflation and eras; the reward follows one of them"
                : "needs annual_inflation (a share of the supply minted a year) or eras (fixed rewards per block from an epoch on)");
        if (m.Has("eras") && m.Value("dao_share") is { } node)
            Error(node, m.PathOf("dao_share"), "is set per era with eras (eras[].dao_share)");
        if (errors.Count > errorsBefore || eras is null) return null;
        return new IssuanceSpec { AnnualInflation = rate, DaoShare = dao ?? 0, Eras = eras.Value };
    }

    private ImmutableArray<RewardEraSpec>? ReadEras(Fields m)
    {
        var list = List(m, "eras");
        if (list is null) return null;
        if (list.Children.Count == 0) return Fail<ImmutableArray<RewardEraSpec>?>(list, m.PathOf("eras"), "must list at least one era");
        var result = ImmutableArray.CreateBuilder<RewardEraSpec>();
        var ok = true;
        for (var i = 0; i < list.Children.Count; i++)
        {
            var path = $"{m.PathOf("eras")}[{i}]";
            var e = Map(list.Children[i], path, "staking.issuance.eras[]");
            if (e is null) { ok = false; continue; }
            var from = Int(e, "from_epoch", 0, 1_000_000_000, required: true);
            var perBlock = Amount(e, "per_block", required: true);
            var dao = Share(e, "dao_share");
            if (from is null || perBlock is null) { ok = false; continue; }
            if (i == 0 && from != 0) { Error(e.Value("from_epoch")!, e.PathOf("from_epoch"), $"must be 0 in the first era (the reward from genesis), got {from}"); ok = false; continue; }
            if (i > 0 && result.Count == i && (ulong)from.Value <= result[^1].FromEpoch)
            {
                Error(e.Value("from_epoch")!, e.PathOf("from_epoch"), $"must be after the previous era's from_epoch {result[^1].FromEpoch}, got {from}");
                ok = false;
                continue;
            }
            result.Add(new RewardEraSpec { FromEpoch = (ulong)from.Value, PerBlock = perBlock.Value, DaoShare = dao ?? 0 });
        }
        return ok ? result.ToImmutable() : null;
    }
}
