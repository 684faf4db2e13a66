using BenchmarkDotNet.Attributes;
using HarmonySim.Protocol.Chain.Transactions;
using HarmonySim.Protocol.Mempool;

namespace HarmonySim.Bench.Mempool;

/// <summary>The pool at scale: filling it with 100,000 transfers, and selecting an 80,000,000-gas block from them.</summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 1, iterationCount: 5)]
public class TxPoolBenchmarks
{
    private PoolWorkload _workload = null!;
    private TxPool _full = null!;

    [GlobalSetup]
    public void Setup()
    {
        _workload = new PoolWorkload();
        _full = Fill();
    }

    [Benchmark]
    public TxPool Add100000() => Fill();

    [Benchmark]
    public IReadOnlyList<SignedTransfer> Select3809Of100000() => _full.Select(_workload.Head, 80_000_000);

    private TxPool Fill()
    {
        var pool = _workload.NewPool();
        foreach (var tx in _workload.Transactions) pool.Add(tx, _workload.Head);
        return pool;
    }
}
