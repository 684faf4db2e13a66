using BenchmarkDotNet.Attributes;
using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Consensus.Messages;
using HarmonySim.Protocol.Crypto;

namespace HarmonySim.Bench.Consensus;

/// <summary>The pieces a validator's message handling is made of, to show where its time goes.</summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 2, iterationCount: 6)]
public class PrimitiveBenchmarks
{
    private BenchCommittee _c = null!;
    private byte[] _payload = null!;
    private Signature _signature = null!;
    private SignerBitmap _bitmap = null!;
    private Block _block = null!;
    private List<FbftMessage> _messages = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _c = new BenchCommittee(250);
        _payload = new byte[48];
        _signature = _c.Scheme.Sign(_c.Keys[1].Secret, _payload);
        _bitmap = SignerBitmap.Of(250, [.. Enumerable.Range(0, 167)]);
        _block = _c.BlockOn(_c.Genesis);
        _messages = _c.ValidatorStream(300, 2);
    }

    [Benchmark]
    public Hash32 HeaderHash() => Keccak256.Hash(_block.Header.Encode());

    [Benchmark]
    public Hash32 MessageDigest() => Keccak256.Hash(new byte[220]);

    private readonly byte[] _in80 = new byte[80];
    private readonly byte[] _out32 = new byte[32];
    private readonly System.Security.Cryptography.Aes _aes = System.Security.Cryptography.Aes.Create();

    [Benchmark]
    public int Sha256Of80Bytes() => System.Security.Cryptography.SHA256.HashData(_in80, _out32);

    [Benchmark]
    public int AesOneBlock() => _aes.EncryptEcb(_in80.AsSpan(0, 16), _out32.AsSpan(0, 16), System.Security.Cryptography.PaddingMode.None);

    [Benchmark]
    public Signature Sign() => _c.Scheme.Sign(_c.Keys[1].Secret, _payload);

    [Benchmark]
    public bool VerifyFreshSignature() => _c.Scheme.Verify(_c.Keys[1].Public, _payload, new Signature(_signature.Bytes));

    [Benchmark]
    public bool QuorumOfNewBitmap() => _c.Committee.IsQuorum(SignerBitmap.Of(250, [.. Enumerable.Range(_next++ % 50, 167)]));

    [Benchmark]
    public PublicKey AggregateKeyOfNewBitmap() => _c.Committee.KeySet.AggregateFor(SignerBitmap.Of(250, [.. Enumerable.Range(_next++ % 50, 167)]));

    [Benchmark]
    public SignerBitmap NewBitmapOnly() => SignerBitmap.Of(250, [.. Enumerable.Range(_next++ % 50, 167)]);
}
