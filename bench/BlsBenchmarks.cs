using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using HarmonySim.Protocol.Crypto;
using HarmonySim.Protocol.Crypto.Bls;

namespace HarmonySim.Bench;

/// <summary>
/// BLS12-381 (ciphersuite BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_POP_) operations, matched to what
/// bench/bls-node/bench.mjs measures for blst (@chainsafe/blst) and noble-curves: sign and verify from bytes
/// (hashing, decompression and subgroup checks included), one pairing, aggregation of already-decoded signatures,
/// FastAggregateVerify over already-decoded keys (hash included), batch verification of 250 votes on one message
/// (random linear combination; hash included), and the consensus path (cached key set and message lines).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 3, iterationCount: 8)]
public class BlsBenchmarks
{
    private readonly BlsSignatureScheme _scheme = new();
    private byte[] _sk = [];
    private byte[] _pk = [];
    private byte[] _msg = [];
    private byte[] _sig = [];
    private Point<Fp> _p;
    private Point<Fp2> _q;
    private PublicKey[] _keys1000 = [];
    private Signature[] _sigs1000 = [];
    private Point<Fp>[] _pkPoints1000 = [];
    private Point<Fp2>[] _sigPoints1000 = [];
    private Point<Fp2> _aggSig1000Affine;
    private Point<Fp>[] _pk250 = [];
    private Point<Fp2>[] _sig250 = [];
    private byte[] _seed250 = [];
    private IAggregateKeySet? _keySet;
    private SignerBitmap? _twoThirds;
    private Signature? _twoThirdsSig;

    [GlobalSetup]
    public void Setup()
    {
        _sk = BlsCiphersuite.KeyGen(SHA256.HashData("bench key"u8));
        _pk = BlsCiphersuite.SkToPk(_sk);
        _msg = SHA256.HashData("block hash"u8);
        _sig = BlsCiphersuite.Sign(_sk, _msg);
        _p = Point<Fp>.MulPublic(G1.Generator, 123456789UL);
        _q = Point<Fp2>.MulPublic(G2.Generator, 987654321UL).Normalize();

        var pairs = Enumerable.Range(0, 1000).Select(i => _scheme.CreateKey(SHA256.HashData(Encoding.ASCII.GetBytes($"bench-{i}")))).ToArray();
        _keys1000 = pairs.Select(k => k.Public).ToArray();
        _sigs1000 = pairs.Select(k => _scheme.Sign(k.Secret, _msg)).ToArray();
        _pkPoints1000 = _keys1000.Select(k => { BlsSignatureScheme.TryDecode(k, out var p); return p; }).ToArray();
        _sigPoints1000 = _sigs1000.Select(s => { BlsSignatureScheme.TryDecode(s, out var p); return p; }).ToArray();
        _aggSig1000Affine = Sum(_sigPoints1000).Normalize();
        _pk250 = _pkPoints1000[..250];
        _sig250 = _sigPoints1000[..250];
        _seed250 = BatchVerifier.Seed(_msg, _keys1000[..250].Select(k => k.ToArray()).ToArray(), _sigs1000[..250].Select(s => s.ToArray()).ToArray());

        // Consensus path: a 250-member committee, two thirds signed.
        _keySet = _scheme.CreateKeySet(_keys1000[..250]);
        var members = Enumerable.Range(0, 167).ToArray();
        _twoThirds = SignerBitmap.Of(250, members);
        _twoThirdsSig = _scheme.Aggregate(members.Select(i => _sigs1000[i]));
        if (!Verify() || !FastAggregateVerify1000() || !BatchVerify250SameMessage() || !ConsensusVerifyAggregate167of250())
            throw new InvalidOperationException("benchmark inputs do not verify");
    }

    [Benchmark]
    public byte[] Sign() => BlsCiphersuite.Sign(_sk, _msg);

    [Benchmark]
    public bool Verify() => BlsCiphersuite.Verify(_pk, _msg, _sig);

    [Benchmark]
    public bool OnePairing() => !Pairing.Pair(_p, _q).IsOne;

    [Benchmark]
    public bool Aggregate1000Signatures() => Sum(_sigPoints1000).IsIdentity;

    private static Point<Fp2> Sum(Point<Fp2>[] points) => Point<Fp2>.SumPublic(points);

    [Benchmark]
    public bool FastAggregateVerify1000()
    {
        var agg = Point<Fp>.SumPublic(_pkPoints1000);
        return BlsCiphersuite.CoreVerify(agg, HashToG2.Hash(_msg, BlsCiphersuite.SignatureDstBytes), _aggSig1000Affine);
    }

    [Benchmark]
    public bool BatchVerify250SameMessage()
    {
        var h = new G2Prepared(HashToG2.Hash(_msg, BlsCiphersuite.SignatureDstBytes).Normalize());
        return BatchVerifier.FindInvalid(_pk250, _sig250, h, _seed250).Count == 0;
    }

    [Benchmark]
    public bool ConsensusVerifyAggregate167of250() => _scheme.VerifyAggregate(_keySet!, _twoThirds!, _msg, _twoThirdsSig!);
}

/// <summary>
/// The FBFT signing path: one message signed by 250 different keys (a shard's PREPARE), reported per signature.
/// Old: H(m) once per thread and a constant-time GLS multiplication per key (before the process-wide memo), or
/// H(m) for every signature (the byte API). New: the scheme from a cold memo (hash once, plain signatures until the
/// table is built at the policy's threshold), a warm memo without tables, and a warm table. Also one node's 4 keys: SignAggregate versus 4 signs
/// and an aggregate.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 3, iterationCount: 8)]
public class BlsSigningBenchmarks
{
    private const int Signers = 250;
    private readonly BlsSignatureScheme _scheme = new();
    private KeyPair[] _keys = [];
    private byte[] _msg = [];
    private HashedMessage? _warmNoTable;
    private HashedMessage? _warmTable;
    private long _fresh;
    private Point<Fp2> _unnormalised;

    [GlobalSetup]
    public void Setup()
    {
        _keys = Enumerable.Range(0, Signers).Select(i => _scheme.CreateKey(SHA256.HashData(Encoding.ASCII.GetBytes($"signer-{i}")))).ToArray();
        _msg = SHA256.HashData("prepare payload"u8);
        _warmNoTable = new MessageHashCache(tableCapacity: 0).Get(_msg, BlsCiphersuite.SignatureDstBytes);
        var withTable = new MessageHashCache();
        _warmTable = withTable.Get(_msg, BlsCiphersuite.SignatureDstBytes);
        for (var i = 0; i < withTable.TableAfterSigns; i++) _warmTable.Multiply(_keys[i].Secret.Bytes);
        if (!_warmTable.HasTable) throw new InvalidOperationException("the table was not built");
        _unnormalised = _warmTable.Multiply(_keys[0].Secret.Bytes);
        if (!OldPerThreadHashGls().Equals(NewScheme()) || !NewScheme().Equals(WarmTable()))
            throw new InvalidOperationException("paths disagree");
    }

    /// <summary>Before: H(m) once (each thread kept its last message), then GLS for every key.</summary>
    [Benchmark(OperationsPerInvoke = Signers, Baseline = true)]
    public Signature OldPerThreadHashGls()
    {
        var h = HashToG2.Hash(_msg, BlsCiphersuite.SignatureDstBytes).Normalize();
        Signature last = null!;
        foreach (var k in _keys) last = BlsSignatureScheme.EncodeSignature(G2Gls.MulSecret(h, k.Secret.Bytes));
        return last;
    }

    /// <summary>Before, byte API: H(m) and GLS for every signature.</summary>
    [Benchmark(OperationsPerInvoke = Signers)]
    public Signature OldHashEverySignature()
    {
        Signature last = null!;
        foreach (var k in _keys)
            last = BlsSignatureScheme.EncodeSignature(G2Gls.MulSecret(HashToG2.Hash(_msg, BlsCiphersuite.SignatureDstBytes), k.Secret.Bytes));
        return last;
    }

    /// <summary>Now, a message never seen: hashed once, GLS until the table is built (MessageHashCache.TableAfterSigns).</summary>
    [Benchmark(OperationsPerInvoke = Signers)]
    public Signature NewColdMessage()
    {
        var msg = SHA256.HashData(BitConverter.GetBytes(Interlocked.Increment(ref _fresh)));
        Signature last = null!;
        foreach (var k in _keys) last = _scheme.Sign(k.Secret, msg);
        return last;
    }

    /// <summary>Now, memoised H(m) without a table: GLS for every key.</summary>
    [Benchmark(OperationsPerInvoke = Signers)]
    public Signature WarmHashNoTable()
    {
        Signature last = null!;
        foreach (var k in _keys) last = BlsSignatureScheme.EncodeSignature(_warmNoTable!.Multiply(k.Secret.Bytes));
        return last;
    }

    /// <summary>Now, the table exists: fixed-base multiplication for every key.</summary>
    [Benchmark(OperationsPerInvoke = Signers)]
    public Signature WarmTable()
    {
        Signature last = null!;
        foreach (var k in _keys) last = BlsSignatureScheme.EncodeSignature(_warmTable!.Multiply(k.Secret.Bytes));
        return last;
    }

    /// <summary>The encoding part of every signature: normalising (one GF(p^2) inversion) and compressing.</summary>
    [Benchmark]
    public Signature EncodeOnly() => BlsSignatureScheme.EncodeSignature(_unnormalised);

    /// <summary>Building one table (default width) for a hashed message.</summary>
    [Benchmark]
    public bool BuildTable() => new G2FixedBaseTable(_warmTable!.Point).SizeInBytes > 0;

    /// <summary>Now, the scheme signing the same (warm) message: memo lookup, table, encoding.</summary>
    [Benchmark(OperationsPerInvoke = Signers)]
    public Signature NewScheme()
    {
        Signature last = null!;
        foreach (var k in _keys) last = _scheme.Sign(k.Secret, _msg);
        return last;
    }

    [Benchmark]
    public Signature FourSignsThenAggregate() => _scheme.Aggregate(_keys[..4].Select(k => _scheme.Sign(k.Secret, _msg)));

    [Benchmark]
    public Signature SignAggregateFourKeys() => _scheme.SignAggregate([.. _keys[..4].Select(k => k.Secret)], _msg);
}

/// <summary>Choosing the fixed-base table's window: build cost against cost per multiplication.</summary>
[SimpleJob(warmupCount: 2, iterationCount: 6)]
public class BlsTableWidthBenchmarks
{
    private Point<Fp2> _h;
    private G2FixedBaseTable? _table;
    private byte[] _sk = [];

    [Params(4, 5, 6, 7, 8)]
    public int Width { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _h = HashToG2.Hash("width"u8, BlsCiphersuite.SignatureDstBytes).Normalize();
        _table = new G2FixedBaseTable(_h, Width);
        _sk = BlsCiphersuite.KeyGen(SHA256.HashData("width key"u8));
    }

    [Benchmark]
    public bool Build() => new G2FixedBaseTable(_h, Width).SizeInBytes > 0;

    [Benchmark]
    public bool Multiply() => _table!.Mul(_sk).IsIdentity;
}
