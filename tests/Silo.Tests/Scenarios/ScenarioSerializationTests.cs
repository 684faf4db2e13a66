using System.Text.Json;
using HarmonySim.Grains.Interfaces.Scenarios;
using HarmonySim.Silo.Scenarios;

namespace HarmonySim.Silo.Tests.Scenarios;

[TestClass]
public sealed class ScenarioSerializationTests
{
    [TestMethod]
    public void Every_bundled_scenario_survives_an_orleans_serialization_round_trip()
    {
        foreach (var file in ScenarioFolder.Bundled(AppContext.BaseDirectory))
        {
            var scenario = ScenarioLoader.LoadFile(file).Scenario!;
            var copy = OrleansCopy.Of(scenario);
            Assert.AreEqual(JsonSerializer.Serialize(scenario), JsonSerializer.Serialize(copy), file);
        }
    }
}
