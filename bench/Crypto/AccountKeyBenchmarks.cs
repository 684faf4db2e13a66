using BenchmarkDotNet.Attributes;
using HarmonySim.Protocol.Crypto;
using HarmonySim.Protocol.Crypto.Accounts;

namespace HarmonySim.Bench.Crypto;

/// <summary>secp256k1 account signatures: what every simulated transfer costs its sender and every verifier.</summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 2, iterationCount: 6)]
public class AccountKeyBenchmarks
{
    private readonly AccountKey _key = AccountKey.FromSecret(Keccak256.Hash("bench signer"u8).ToArray());
    private readonly byte[] _hash = Keccak256.Hash("bench message"u8).ToArray();
    private RecoverableSignature _signature = null!;

    [GlobalSetup]
    public void Setup() => _signature = _key.Sign(_hash);

    [Benchmark]
    public RecoverableSignature Sign() => _key.Sign(_hash);

    [Benchmark]
    public byte[]? Recover() => AccountKey.RecoverAddress(_hash, _signature);
}
