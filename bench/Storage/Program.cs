using System.Globalization;
using HarmonySim.Bench.Storage;
using HarmonySim.Silo.Cluster;
using HarmonySim.Silo.Commands;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Storage;

// Grain-state and membership-table throughput against Azure Storage (Azurite in bench/storage.sh), through the
// providers a `harmonysim silo` registers. Prints Markdown tables on stdout. Exit codes as `harmonysim silo`: 2 bad
// input, 4 storage unreachable or refusing, 3 anything else.
const string Usage = "usage: HarmonySim.Bench.Storage --connection-string CS [--seconds 3] [--writers 16] [--members 10]\n" +
                     "  (or the connection string in HARMONYSIM_Storage__ConnectionString, as a silo reads it)";

var options = new Dictionary<string, string>(StringComparer.Ordinal)
{
    ["--seconds"] = "3", ["--writers"] = "16", ["--members"] = "10",
};
if (Environment.GetEnvironmentVariable("HARMONYSIM_Storage__ConnectionString") is { Length: > 0 } fromEnvironment)
    options["--connection-string"] = fromEnvironment;
for (var i = 0; i < args.Length; i++)
{
    if (!options.ContainsKey(args[i]) && args[i] != "--connection-string" || i + 1 == args.Length)
        return Fail(ExitCodes.BadInput, $"unexpected argument '{args[i]}'\n{Usage}");
    options[args[i]] = args[++i];
}
if (!options.TryGetValue("--connection-string", out var connection)) return Fail(ExitCodes.BadInput, $"no connection string\n{Usage}");
if (!TryCount("--seconds", 1, 600, out var seconds) || !TryCount("--writers", 1, 1000, out var writers) || !TryCount("--members", 2, 100, out var members))
    return ExitCodes.BadInput;
var duration = TimeSpan.FromSeconds(seconds);

var stateSettings = BenchSilo.Settings(connection, "state");
try
{
    var probe = StorageClients.Create(stateSettings, StorageProbe.QuickRetry);
    if (await StorageProbe.Check(probe, CancellationToken.None) is { } unreachable) return Fail(ExitCodes.Unavailable, unreachable);
}
catch (FormatException e)
{
    return Fail(ExitCodes.BadInput, e.Message);
}

try
{
    using var stateHost = BenchSilo.Build(stateSettings);
    // Grain storage providers initialise (create their table and container) in the silo's lifecycle.
    await stateHost.StartAsync();
    var services = stateHost.Services;
    var serializer = services.GetRequiredService<IGrainStorageSerializer>();
    string Kind(string name) => services.GetRequiredKeyedService<IGrainStorage>(name).GetType().Name;
    Console.WriteLine($"Providers as `harmonysim silo` registers them: {StorageNames.Blob} = {Kind(StorageNames.Blob)}, " +
                      $"{StorageNames.Table} = {Kind(StorageNames.Table)}, default = {Kind(Orleans.Providers.ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME)}; " +
                      $"serializer {serializer.GetType().Name}. {seconds} s per row after an untimed warm-up.");
    Console.WriteLine();
    Console.WriteLine("| provider | state | serialized bytes | operation | callers (distinct grains) | calls/s | mean ms | p99 ms | calls |");
    Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
    foreach (var name in new[] { StorageNames.Blob, StorageNames.Table })
    {
        var bench = new GrainStateBench(services.GetRequiredKeyedService<IGrainStorage>(name), serializer, duration);
        foreach (var (state, measure) in new (string, Func<Task<(int, IReadOnlyList<GrainStateBench.Row>)>>)[]
                 {
                     ("checkpoint", () => bench.Checkpoint(writers)),
                     ("plan ~100 kB", () => bench.Large(writers)),
                 })
        {
            var (bytes, rows) = await measure();
            foreach (var row in rows)
                Console.WriteLine($"| {name} | {state} | {bytes.ToString("N0", CultureInfo.InvariantCulture)} | {row.Operation} | {row.Callers} | {row.Samples.Cells()} |");
        }
    }
    await stateHost.StopAsync();

    // Built, not started: the membership table is the provider itself, written by nobody but the benchmark.
    var membershipSettings = BenchSilo.Settings(connection, "membership");
    using var membershipHost = BenchSilo.Build(membershipSettings);
    var table = membershipHost.Services.GetRequiredService<IMembershipTable>();
    var membership = await new MembershipBench(table, membershipSettings.ClusterId, duration).Run(members);
    Console.WriteLine();
    Console.WriteLine($"Membership table ({table.GetType().Name}), one caller. InsertRow and UpdateRow each follow an untimed ReadRow " +
                      "(the ETags they need), so their calls/s is 1 / mean latency of the write alone.");
    Console.WriteLine();
    Console.WriteLine("| operation | rows in the table | calls/s | mean ms | p99 ms | calls |");
    Console.WriteLine("|---|---|---|---|---|---|");
    foreach (var row in membership)
        Console.WriteLine($"| {row.Operation} | {(row.Operation == "InsertRow" ? $"0 → {row.Rows}" : $"{row.Rows}")} | {row.Samples.Cells()} |");
    await table.DeleteMembershipTableEntriesAsync(membershipSettings.ClusterId);
    return 0;
}
#pragma warning disable CA1031 // a benchmark that fails says why in one line, not with a stack trace
catch (Exception e)
#pragma warning restore CA1031
{
    return Fail(e is Azure.RequestFailedException ? ExitCodes.Unavailable : ExitCodes.InternalError, e.GetBaseException().Message);
}

bool TryCount(string key, int min, int max, out int value)
{
    if (int.TryParse(options[key], NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= min && value <= max) return true;
    Fail(ExitCodes.BadInput, $"{key}: expected a whole number from {min} to {max}, got '{options[key]}'");
    return false;
}

static int Fail(int code, string message)
{
    Console.Error.WriteLine($"bench-storage: {message}");
    return code;
}
