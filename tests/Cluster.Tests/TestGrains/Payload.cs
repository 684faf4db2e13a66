namespace HarmonySim.Cluster.Tests.TestGrains;

/// <summary>The state the storage tests persist: a version to see which write won, text, and a blob of bytes for size.</summary>
[GenerateSerializer]
public sealed class Payload
{
    [Id(0)] public int Version { get; set; }
    [Id(1)] public string Text { get; set; } = "";
    [Id(2)] public byte[] Data { get; set; } = [];
}
