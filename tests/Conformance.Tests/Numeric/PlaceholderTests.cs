namespace HarmonySim.Conformance.Tests.Numeric;

/// <summary>Keeps the project non-empty until the first replayed cases land; removed with them.</summary>
[TestClass]
public sealed class PlaceholderTests
{
    [TestMethod]
    public void Project_builds() => Assert.IsTrue(typeof(HarmonySim.Protocol.Staking.ProRataSplit).Assembly.GetName().Name!.StartsWith("HarmonySim", StringComparison.Ordinal));
}
