using HarmonySim.Silo.Scenarios;

namespace HarmonySim.Silo.Tests.Scenarios;

[TestClass]
public sealed class ScenarioLoaderFuzzTests
{
    private static readonly string[] Fragments = ["\n", ":", " ", "-", "[", "]", "{", "}", "\"", "'", "#", "&a", "*a", "!!str ", "0", "1_", "%", "s", "ms", "shard:", "~", "\t", "? ", "|\n", ">\n", "<<: ", "---\n"];

    [TestMethod]
    public void Mutated_bundled_scenarios_never_throw_and_an_invalid_result_always_names_an_error()
    {
        var files = ScenarioFolder.Bundled(AppContext.BaseDirectory);
        Assert.IsTrue(files.Count > 0);
        var random = new Random(20261124);
        var invalid = 0;
        for (var round = 0; round < 2000; round++)
        {
            var text = File.ReadAllText(files[round % files.Count]);
            for (var edits = random.Next(1, 4); edits > 0; edits--)
            {
                var at = random.Next(text.Length);
                text = random.Next(3) switch
                {
                    0 => text.Remove(at, Math.Min(text.Length - at, random.Next(1, 6))),
                    1 => text.Insert(at, Fragments[random.Next(Fragments.Length)]),
                    _ => text.Remove(at, 1).Insert(at, ((char)random.Next(32, 127)).ToString()),
                };
            }
            ScenarioLoadResult result;
            try
            {
                result = ScenarioLoader.Parse(text, "fuzz.yaml");
            }
            catch (Exception e)
            {
                throw new AssertFailedException($"the loader threw {e.GetType().Name} on:{Environment.NewLine}{text}", e);
            }
            if (result.IsValid) continue;
            invalid++;
            Assert.IsTrue(result.Errors.Length > 0, text);
            Assert.IsTrue(result.Errors.All(e => e.Line >= 1 && e.Column >= 1 && e.File == "fuzz.yaml" && e.Message.Length > 0), text);
        }
        Assert.IsTrue(invalid > 100, "the mutations produce many invalid files");
    }
}
