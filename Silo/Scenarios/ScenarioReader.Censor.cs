using System.Collections.Immutable;
using HarmonySim.Silo.Scenarios.Model;
using YamlDotNet.RepresentationModel;

namespace HarmonySim.Silo.Scenarios;

/// <summary>A censoring cohort's <c>censor</c> and <c>censor_share</c> (game of stakes, issue 13): whose transactions it leaves out.</summary>
internal sealed partial class ScenarioReader
{
    // Every name a censor list gave, checked once the load and transfers sections are read.
    private readonly List<(YamlNode Node, string Path, string Name)> censoredNames = [];
    private readonly List<(YamlNode Node, string Path)> censoringCohorts = [];

    private (ImmutableArray<string> Senders, decimal Share, bool Ok) ReadCensor(Fields m, CohortBehaviour? behaviour)
    {
        var share = Share(m, "censor_share");
        var ok = !(m.Has("censor_share") && share is null);
        if (share is 0m)
        {
            Error(m.Value("censor_share")!, m.PathOf("censor_share"), "must be more than 0 (a censor with no victims is honest)");
            ok = false;
        }
        var senders = ImmutableArray.CreateBuilder<string>();
        if (List(m, "censor") is { } list)
            for (var i = 0; i < list.Children.Count; i++)
            {
                var path = $"{m.PathOf("censor")}[{i}]";
                if (Scalar(list.Children[i], path, "a load source or transfer account name") is not { } name) { ok = false; continue; }
                senders.Add(name);
                censoredNames.Add((list.Children[i], path, name));
            }
        else if (m.Has("censor")) ok = false;
        var known = !(m.Has("behaviour") && behaviour is null);
        if (known && behaviour != CohortBehaviour.Censor)
            foreach (var key in new[] { "censor", "censor_share" })
                if (m.Value(key) is { } node)
                {
                    Error(node, m.PathOf(key), "is only used with behaviour: censor");
                    ok = false;
                }
        if (behaviour == CohortBehaviour.Censor) censoringCohorts.Add((m.Value("behaviour")!, m.PathOf("behaviour")));
        return (senders.ToImmutable(), share ?? 1m, ok);
    }

    /// <summary>A censor needs transactions to leave out, and each name it gives must be a load source or a transfer account.</summary>
    private void CheckCensors(TransfersSpec? transfers, LoadSpec? load)
    {
        if (transfers is null && load is null)
            foreach (var (node, path) in censoringCohorts)
                Error(node, path, "censor needs transactions to leave out: add a load or transfers section");
        var names = (load?.Sources.Select(s => s.Name) ?? []).Concat(transfers?.Accounts.Select(a => a.Name) ?? []).ToList();
        foreach (var (node, path, name) in censoredNames)
            if (!names.Contains(name, StringComparer.Ordinal) && (transfers is not null || load is not null))
                Error(node, path, $"unknown sender '{Echo(name)}'{Suggest(name, names)}; name a load source or a transfer account");
    }
}
