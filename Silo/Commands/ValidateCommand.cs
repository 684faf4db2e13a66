using System.CommandLine;
using System.Globalization;
using HarmonySim.Silo.Scenarios.Model;
using HarmonySim.Silo.Scenarios;

using HarmonySim.Protocol.Consensus.Quorum;

namespace HarmonySim.Silo.Commands;

/// <summary><c>harmonysim validate SCENARIO</c>: checks a scenario file without running it.</summary>
public static class ValidateCommand
{
    public static Command Build()
    {
        var scenario = new Argument<string>("scenario") { Description = "Scenario YAML file (a path, or the name of a bundled scenario such as quickstart)." };
        var command = new Command("validate", "Check a scenario file without running it; errors name file, line, column and field.") { scenario };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var path = ScenarioFolder.Resolve(parse.GetValue(scenario)!);
            var result = ScenarioLoader.LoadFile(path);
            if (result.Scenario is not { } s)
            {
                foreach (var e in result.Errors) error.WriteLine(e.ToString());
                error.WriteLine($"{path}: {result.Errors.Length} error{(result.Errors.Length == 1 ? "" : "s")}; the scenario is not valid.");
                return HarmonySimCommand.BadInput;
            }
            foreach (var w in result.Warnings) error.WriteLine(w.ToString());
            output.WriteLine(Summary(path, s));
            return 0;
        });
        return command;
    }

    /// <summary>One line: the scenario's size, rules and length.</summary>
    public static string Summary(string path, Scenario s)
    {
        var n = s.Network;
        var quorum = n.Quorum == QuorumMode.ByCount
            ? "count quorum"
            : n.HarmonyVoteShare is { } share ? string.Create(CultureInfo.InvariantCulture, $"stake quorum (Harmony {share * 100:0.##}%)") : "stake quorum";
        var faults = s.Faults.Length == 1 ? "1 fault" : $"{s.Faults.Length} faults";
        var staking = s.Staking is { } st
            ? $", staking ({st.Resharding.ToString().ToLowerInvariant()} resharding, {st.Delegators.Length} delegator{(st.Delegators.Length == 1 ? "" : "s")}, " +
              $"{st.Transactions.Length} staking transaction{(st.Transactions.Length == 1 ? "" : "s")})"
            : "";
        if (s.Transfers is { } tr)
            staking += $", transfers ({tr.Accounts.Length} account{(tr.Accounts.Length == 1 ? "" : "s")}, {tr.Scripted.Length} scripted, " +
                $"{tr.Scripted.Count(t => tr.Accounts.First(a => a.Name == t.From).Shard != tr.Accounts.First(a => a.Name == t.To).Shard)} cross-shard)";
        return string.Create(CultureInfo.InvariantCulture,
            $"{path}: valid: '{s.Name}': {n.Shards} shard{(n.Shards == 1 ? "" : "s")} × {n.SlotsPerShard} slots ({n.HarmonySlotsPerShard} Harmony-operated), " +
            $"{s.KeyCount} keys on {s.ValidatorCount} validators in {s.Cohorts.Length} cohort{(s.Cohorts.Length == 1 ? "" : "s")}, " +
            $"{quorum}, {n.SignatureScheme.ToString().ToLowerInvariant()} signatures, {n.BlockTime.TotalSeconds:0.###} s blocks, {faults}{staking}, runs {s.Duration}, seed {s.Seed}");
    }
}
