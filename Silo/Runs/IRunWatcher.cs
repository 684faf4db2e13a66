using HarmonySim.Grains.Interfaces.Runs;
using HarmonySim.Simulation.Plans;
using HarmonySim.Simulation.Results;
using HarmonySim.Simulation.Runs;

namespace HarmonySim.Silo.Runs;

/// <summary>
/// Something outside the run that follows it (telemetry, the dashboard): it is handed, after every step, what the host
/// received anyway (progress, the shards' records with their running counts). A watcher never touches the grains, so
/// watching cannot change the run and costs the run no extra call.
/// </summary>
public interface IRunWatcher
{
    void Stepped(RunProgress progress, IReadOnlyList<ShardRecords> records);

    void Finished(TimeSpan simulatedTime, string digest, bool interrupted);
}
