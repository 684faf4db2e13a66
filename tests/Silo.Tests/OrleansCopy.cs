using Microsoft.Extensions.DependencyInjection;
using HarmonySim.Grains.Interfaces.Serialization;
using Orleans.Serialization;

namespace HarmonySim.Silo.Tests;

/// <summary>What a value becomes after crossing silos: an Orleans serialization round trip with the project's codecs.</summary>
public static class OrleansCopy
{
    private static readonly Lazy<Serializer> Serializer = new(() => new ServiceCollection().AddSerializer(serializer => serializer.AddKernelRecords()).BuildServiceProvider().GetRequiredService<Serializer>());

    public static T Of<T>(T value) => Serializer.Value.Deserialize<T>(Serializer.Value.SerializeToArray(value)) ?? throw new InvalidOperationException("the copy is null");
}
