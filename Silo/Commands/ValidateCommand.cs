using System.CommandLine;
using System.Globalization;
using HarmonySim.Silo.Runs;
using HarmonySim.Silo.Scenarios.Model;
using HarmonySim.Silo.Scenarios;

using HarmonySim.Protocol.Consensus.Quorum;

namespace HarmonySim.Silo.Commands;

/// <summary>
/// <c>harmonysim validate SCENARIO [--force]</c>: checks a scenario file without running it: the file, what the runtime
/// can carry out, and whether the run's estimated memory, output and wall time fit this machine (the output on the
/// current directory's drive, as there is no --out).
/// </summary>
public static class ValidateCommand
{
    public static Command Build()
    {
        var scenario = new Argument<string>("scenario") { Description = "Scenario YAML file (a path, or the name of a bundled scenario such as quickstart)." };
        var force = new Option<bool>("--force") { Description = RunCommand.ForceDescription };
        var command = new Command("validate",
            "Check a scenario file without running it; errors name file, line, column and field. A second line estimates " +
            "what the run needs (deliveries, memory, output, wall time on this machine).") { scenario, force };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var result = ScenarioArgument.Load(parse.GetValue(scenario)!, error, out var path);
            if (result.Scenario is not { } s) return HarmonySimCommand.BadInput;
            foreach (var w in result.Warnings) error.WriteLine(w.ToString());
            RunEstimate estimate;
            try
            {
                estimate = RunEstimate.Of(RunPlanBuilder.Build(s, $"{s.Name}-{s.Seed}"));
            }
            catch (ScenarioNotRunnableException e)
            {
                foreach (var reason in e.Reasons) error.WriteLine($"{path}: {reason}");
                error.WriteLine($"{path}: the scenario is valid but cannot run.");
                return HarmonySimCommand.BadInput;
            }
            output.WriteLine(Summary(path, s));
            if (s.IsTestnet)
            {
                // A testnet runs until stopped: a whole-run estimate says nothing (its logs grow with its life).
                output.WriteLine($"a testnet config ({s.Genesis!.Value.Length} funded accounts): start it with harmonysim testnet {path}");
                return 0;
            }
            var limits = MachineLimits.Read(Directory.GetCurrentDirectory());
            output.WriteLine(EstimateText.Line(estimate, limits));
            if (RunLimitCheck.Stops(error, path, RunLimitCheck.Refusals(estimate, limits), parse.GetValue(force)))
            {
                error.WriteLine($"{path}: the scenario is valid but its run does not fit this machine.");
                return HarmonySimCommand.BadInput;
            }
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
        if (s.Load is { } load)
            staking += string.Create(CultureInfo.InvariantCulture,
                $", load ({load.Sources.Length} source{(load.Sources.Length == 1 ? "" : "s")}, up to {load.Sources.Sum(x => x.Rate.Peak):#,0.##} tx/s offered, {load.Signing.ToString().ToLowerInvariant()} transaction signing)");
        return string.Create(CultureInfo.InvariantCulture,
            $"{path}: valid: '{s.Name}': {n.Shards} shard{(n.Shards == 1 ? "" : "s")} × {n.SlotsPerShard} slots ({n.HarmonySlotsPerShard} Harmony-operated), " +
            $"{s.KeyCount} keys on {s.ValidatorCount} validators in {s.Cohorts.Length} cohort{(s.Cohorts.Length == 1 ? "" : "s")}, " +
            $"{quorum}, {n.SignatureScheme.ToString().ToLowerInvariant()} signatures, {n.BlockTime.TotalSeconds:0.###} s blocks, {faults}{staking}, runs {s.Duration}, seed {s.Seed}");
    }
}
