using BenchmarkDotNet.Attributes;
using HarmonySim.Protocol.Crypto;
using HarmonySim.Protocol.Crypto.Vdf;
using HarmonySim.Protocol.Sharding.Randomness;

namespace HarmonySim.Bench;

/// <summary>
/// The epoch randomness' delay: Wesolowski VDF over the RSA-2048 group at T = 10 000 (the resharding policy's
/// default). Evaluate is T squarings for y plus T more for the proof; Verify recomputes the challenge and does two
/// short exponentiations. Run: <c>dotnet run -c Release --project bench -- --filter '*VdfBenchmarks*'</c>.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 1, iterationCount: 5)]
public class VdfBenchmarks
{
    private const int Difficulty = 10_000;
    private readonly WesolowskiVdf _vdf = WesolowskiVdf.Rsa2048;
    private readonly byte[] _input = Keccak256.Hash("bench pRnd"u8).ToArray();
    private VdfResult _result = null!;
    private byte[] _encoded = [];

    [GlobalSetup]
    public void Setup()
    {
        _result = _vdf.Evaluate(_input, Difficulty);
        _encoded = _result.ToBytes(_vdf.Group);
    }

    [Benchmark]
    public VdfResult Evaluate() => _vdf.Evaluate(_input, Difficulty);

    [Benchmark]
    public bool Verify() => _vdf.Verify(_input, Difficulty, _encoded);

    /// <summary>The check a validator runs on a header's Vdf field, Rnd included.</summary>
    [Benchmark]
    public bool VerifyRnd() => EpochRandomness.TryVerify(new Hash32(_input), Difficulty, _encoded, out _);
}
