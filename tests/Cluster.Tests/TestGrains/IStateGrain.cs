namespace HarmonySim.Cluster.Tests.TestGrains;

/// <summary>A grain that keeps one <see cref="Payload"/> in the storage provider its key names (see <see cref="StateGrain"/>).</summary>
public interface IStateGrain : IGrainWithStringKey
{
    Task Write(Payload payload);
    Task<Payload?> Read();
    Task Clear();

    /// <summary>Reads the state again from storage, bypassing what the activation holds.</summary>
    Task<Payload?> Reload();

    /// <summary>Drops the activation, so the next call reads from storage in a new one.</summary>
    Task Deactivate();
}
