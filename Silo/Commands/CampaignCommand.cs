using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using HarmonySim.Silo.Campaigns;
using HarmonySim.Silo.Hosting;
using HarmonySim.Silo.Runs;
using HarmonySim.Silo.Scenarios;
using HarmonySim.Simulation.Campaigns;

namespace HarmonySim.Silo.Commands;

/// <summary>
/// <c>harmonysim campaign SCENARIO --seeds N [--jobs J] [--all] [--first-seed S] [--out DIR] [--byzantine-leaders X]
/// [--commit-cuts X] [--lossy-rounds X] [--silos N | --cluster]</c>: the scenario over N
/// seeds, each explored Twins-style (byzantine nodes, partitions and message omission per round), run in this process
/// without a silo on J threads (or in slices over N embedded silos or the configured cluster's silos, J threads each); stops at the first safety or liveness violation unless --all, prints the seed and the
/// command that replays it, and writes campaign.json and campaign.md. Exit 0 if no run violated, 1 if one did, 2 on bad input.
/// </summary>
public static class CampaignCommand
{
    public static Command Build()
    {
        var scenario = new Argument<string>("scenario") { Description = "Scenario YAML file (a path, or the name of a bundled scenario)." };
        var seeds = new Option<int>("--seeds") { Description = "How many seeds to run.", Required = true };
        var jobs = new Option<int>("--jobs") { Description = "Runs in parallel (default: the processor count).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var all = new Option<bool>("--all") { Description = "Go on past the first violation." };
        var first = new Option<ulong?>("--first-seed") { Description = "The first seed (default: the scenario's seed); seeds run S, S+1, …" };
        var outDir = new Option<string?>("--out") { Description = "Folder for campaign.json and campaign.md (default: runs/campaign-<scenario>-<UTC time>)." };
        var leaders = new Option<double?>("--byzantine-leaders") { Description = "Share of view changes led by a byzantine node the exploration picks, 0–1 (default 0.5)." };
        var cuts = new Option<double?>("--commit-cuts") { Description = "Share of heights whose first committer is cut off before its COMMITTED leaves, 0–1 (default 0.25)." };
        var lossy = new Option<double?>("--lossy-rounds") { Description = "Share of protocol rounds that lose messages, 0–0.5 (default min(0.5, 2 / nodes of the largest shard))." };
        var silos = new Option<int>("--silos") { Description = "Spread the seeds in slices over this many embedded silos (default: none, plain threads in this process).", DefaultValueFactory = _ => 0 };
        var cluster = new Option<bool>("--cluster") { Description = "Spread the seeds in slices over the configured cluster's silos (the settings of 'harmonysim silo'). Exit 4 when it cannot be reached." };
        var command = new Command("campaign",
            "Run a scenario over many seeds with Twins-style exploration and report safety and liveness violations, each with " +
            "the command that replays it. Exit codes: 0 no violation, 1 a violation, 2 bad input, 4 cluster unreachable.") { scenario, seeds, jobs, all, first, outDir, leaders, cuts, lossy, silos, cluster };
        command.SetAction(async (parse, cancellation) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var result = ScenarioArgument.Load(parse.GetValue(scenario)!, error, out var path);
            if (result.Scenario is not { } s) return ExitCodes.BadInput;
            var count = parse.GetValue(seeds);
            if (count < 1 || parse.GetValue(jobs) < 1)
            {
                error.WriteLine("harmonysim campaign: --seeds and --jobs must be at least 1.");
                return ExitCodes.BadInput;
            }
            var embedded = parse.GetValue(silos);
            var onCluster = parse.GetValue(cluster);
            if (embedded is < 0 or > 16 || (onCluster && embedded > 0))
            {
                error.WriteLine(onCluster ? "harmonysim campaign: --silos: not with --cluster (the cluster's silos are the ones running)." : $"harmonysim campaign: --silos: between 0 and 16, got {embedded}.");
                return ExitCodes.BadInput;
            }
            if (ScenarioArgument.Plan(s, $"{s.Name}-campaign", path, error) is not { } plan) return ExitCodes.BadInput;
            var tuning = new ExplorationTuning(parse.GetValue(leaders), parse.GetValue(cuts), parse.GetValue(lossy));
            if (tuning.Error() is { } bad)
            {
                error.WriteLine($"harmonysim campaign: {bad}");
                return ExitCodes.BadInput;
            }
            var settings = new CampaignSettings(parse.GetValue(first) ?? s.Seed, count, parse.GetValue(jobs), parse.GetValue(all), tuning.Apply(CampaignExploration.For(plan)));
            var folder = parse.GetValue(outDir) ?? Path.Combine("runs", $"campaign-{s.Name}-{DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}");
            if (OutputFolder.Prepare(folder) is { } why)
            {
                error.WriteLine($"harmonysim campaign: cannot write to {folder}: {why}");
                return ExitCodes.BadInput;
            }
            var clock = Stopwatch.StartNew();
            CampaignResult found;
            CampaignResult Report(SiloCampaignResult spread)
            {
                output.WriteLine($"slices per silo: {string.Join(", ", spread.SlicesBySilo.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Value))}");
                return spread.Found;
            }
            if (onCluster)
            {
                var (client, exit) = await ClusterRun.Connect(error, cancellation);
                if (client is null) return exit;
                await using (client)
                {
                    var hosts = await client.Client.GetGrain<IManagementGrain>(0).GetHosts(true, cancellation);
                    found = Report(await SiloCampaign.Run(client.Client, plan, settings, Math.Max(1, hosts.Count), cancellation));
                }
            }
            else if (embedded > 0)
            {
                await using var silo = await EmbeddedSilo.StartAsync(embedded, cancellation: cancellation);
                found = Report(await SiloCampaign.Run(silo.Grains, plan, settings, embedded, cancellation));
            }
            else found = Campaign.Run(plan, settings);
            var report = CampaignReport.Of(path, settings, found, clock.Elapsed, tuning.Arguments);
            report.Write(folder);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{found.Runs} runs in {clock.Elapsed.TotalSeconds:0.0} s ({report.ScenariosPerHour:#,0} scenarios per hour); violations: {found.Violations.Count}; report: {folder}"));
            if (found.FirstViolation is not { } v) return ExitCodes.Passed;
            output.WriteLine($"first violation: seed {v.Seed}: {v.Violation!.Value.ToString().ToLowerInvariant()}: {v.Detail}");
            output.WriteLine($"replay: {CampaignReport.ReplayCommand(path, v.Seed, tuning.Arguments)}");
            return ExitCodes.CheckFailed;
        });
        return command;
    }
}
