using System.Numerics;
using CsCheck;
using HarmonySim.Protocol.Chain.Receipts;
using HarmonySim.Protocol.Chain.Transactions;
using HarmonySim.Protocol.Sharding.CrossShard;
using HarmonySim.Protocol.State;
using static HarmonySim.Protocol.Tests.CrossShard.CrossShardNetwork;

namespace HarmonySim.Protocol.Tests.CrossShard;

/// <summary>
/// Money is conserved across shards however transfers, block seals and proof deliveries interleave — with proofs
/// delayed, reordered and delivered more than once — and every proof credits exactly once.
/// </summary>
[TestClass]
public sealed class ConservationPropertyTests
{
    private const int Accounts = 4;

    /// <summary>Set HARMONYSIM_PROPERTY_SCALE=k to run k times as many runs (for soak runs off CI).</summary>
    private static int Iter(int n) => n * (int.TryParse(Environment.GetEnvironmentVariable("HARMONYSIM_PROPERTY_SCALE"), out var k) && k > 0 ? k : 1);

    private static readonly CrossShardNetwork[] Networks = [.. Enumerable.Range(0, 5).Select(n => new CrossShardNetwork(Math.Max(n, 1)))];

    /// <summary>Kind 0–5 a transfer, 6–7 seal a block, 8–9 deliver a pending proof (kept for redelivery when Amount is odd).</summary>
    private sealed record Op(int Kind, int From, int To, int Source, int Destination, int Amount, int Pick);

    private sealed record Run(int Shards, int[] Funding, Op[] Ops);

    private static readonly Gen<Op> OpGen =
        from kind in Gen.Int[0, 9]
        from a in Gen.Int[0, Accounts - 1]
        from b in Gen.Int[0, Accounts - 1]
        from s in Gen.Int[0, 3]
        from d in Gen.Int[0, 3]
        from amount in Gen.Int[-5, 600]
        from pick in Gen.Int[0, 1000]
        select new Op(kind, a, b, s, d, amount, pick);

    private static readonly Gen<Run> RunGen =
        from shards in Gen.Int[2, 4]
        from funding in Gen.Int[0, 1000].Array[Accounts * 4]
        from ops in OpGen.Array[1, 40]
        select new Run(shards, funding, ops);

    [TestMethod]
    public void Balances_conserve_across_shards_and_each_proof_credits_exactly_once()
    {
        long transfers = 0, crossShard = 0, credited = 0, replaysRefused = 0;
        RunGen.Sample(run =>
        {
            var world = new World(run.Shards, run.Funding);
            foreach (var op in run.Ops)
            {
                switch (op.Kind)
                {
                    case <= 5: world.Transfer(op); break;
                    case <= 7: world.Seal((uint)(op.Source % run.Shards)); break;
                    default: world.Deliver(op.Pick, keep: op.Amount % 2 != 0); break;
                }
                world.CheckInFlightConservation();
            }

            // Drain: seal every open block, then deliver everything left, in reverse order and twice.
            for (var s = 0u; s < run.Shards; s++) world.Seal(s);
            world.DeliverAllTwice();
            world.CheckSettled();

            Interlocked.Add(ref transfers, world.Accepted);
            Interlocked.Add(ref crossShard, world.CrossShard);
            Interlocked.Add(ref credited, world.Credited);
            Interlocked.Add(ref replaysRefused, world.ReplaysRefused);
        }, iter: Iter(80), print: r => $"{r.Shards} shards, {r.Ops.Length} ops");

        // The runs must exercise the paths, not only refuse everything.
        Assert.IsGreaterThan(100, transfers);
        Assert.IsGreaterThan(50, crossShard);
        Assert.IsGreaterThan(20, credited);
        Assert.IsGreaterThan(20, replaysRefused);
    }

    /// <summary>The shards' ledgers, their open blocks, and the proofs in flight between them.</summary>
    private sealed class World
    {
        private readonly CrossShardNetwork _net;
        private readonly ShardLedger[] _ledgers;
        private readonly List<CXReceipt>[] _open;
        private readonly List<SignedTransfer>[] _openTxs;
        private readonly ulong[] _height;
        private readonly List<CXReceiptsProof> _pool = [];
        private readonly Dictionary<(uint Destination, SpentProof Proof), int> _credits = [];
        private readonly BigInteger _genesis;

        public World(int shards, int[] funding)
        {
            _net = Networks[shards];
            _ledgers = [.. Enumerable.Range(0, shards).Select(s =>
            {
                var l = ShardLedger.Genesis((uint)s, (uint)shards, ChainId);
                for (var a = 0; a < Accounts; a++) l = l.Fund(Addr(a), funding[(s * Accounts) + a]);
                return l;
            })];
            _genesis = _ledgers.Aggregate(BigInteger.Zero, (sum, l) => sum + l.TotalBalance);
            _open = [.. Enumerable.Range(0, shards).Select(_ => new List<CXReceipt>())];
            _openTxs = [.. Enumerable.Range(0, shards).Select(_ => new List<SignedTransfer>())];
            _height = new ulong[shards];
        }

        public long Accepted { get; private set; }
        public long CrossShard { get; private set; }
        public long Credited { get; private set; }
        public long ReplaysRefused { get; private set; }

        public void Transfer(Op op)
        {
            var shards = _ledgers.Length;
            var source = (uint)(op.Source % shards);
            var ledger = _ledgers[source];
            var nonce = ledger.AccountOf(Addr(op.From)).Nonce + (op.Pick % 13 == 0 ? 1UL : 0UL); // now and then a wrong nonce
            var tx = CrossShardNetwork.Transfer(op.From, op.To, source, (uint)(op.Destination % shards), op.Amount, nonce);
            var r = ledger.ApplyTransfer(tx);
            if (!r.Accepted) return;
            Accepted++;
            _ledgers[source] = r.Ledger!;
            _openTxs[source].Add(tx);
            if (r.Receipt is { } receipt)
            {
                CrossShard++;
                _open[source].Add(receipt);
            }
        }

        public void Seal(uint shard)
        {
            if (_open[shard].Count == 0) return;
            var block = _net.Commit(shard, ++_height[shard], [.. _open[shard]], [.. _openTxs[shard]]);
            foreach (var p in CXReceiptsProofBuilder.BuildAll(block, [.. _open[shard]]))
            {
                _pool.Add(p);
                _credits.Add((p.Receipts[0].ToShardId, new SpentProof(shard, block.Hash)), 0);
            }
            _open[shard].Clear();
            _openTxs[shard].Clear();
        }

        public void Deliver(int pick, bool keep)
        {
            if (_pool.Count == 0) return;
            var i = pick % _pool.Count;
            Deliver(_pool[i]);
            if (!keep) _pool.RemoveAt(i);
        }

        public void DeliverAllTwice()
        {
            var left = _pool.AsEnumerable().Reverse().ToList();
            foreach (var p in left.Concat(left)) Deliver(p);
            _pool.Clear();
        }

        private void Deliver(CXReceiptsProof proof)
        {
            var destination = proof.Receipts[0].ToShardId;
            var key = (destination, new SpentProof(proof.MerkleProof.ShardId, proof.MerkleProof.BlockHash));
            var r = _ledgers[destination].ApplyIncoming(proof, _net);
            if (r.Accepted)
            {
                _ledgers[destination] = r.Ledger!;
                _credits[key]++;
                Credited++;
            }
            else
            {
                StringAssert.Contains(r.Rejection, "already spent");
                Assert.AreEqual(1, _credits[key], "only a proof credited before is refused");
                ReplaysRefused++;
            }
            Assert.IsLessThanOrEqualTo(1, _credits[key], "a proof credited twice");
        }

        /// <summary>Σ balances + Σ outgoing − Σ incoming equals what genesis minted.</summary>
        public void CheckInFlightConservation()
        {
            var balances = _ledgers.Aggregate(BigInteger.Zero, (sum, l) => sum + l.TotalBalance);
            var outgoing = _ledgers.Aggregate(BigInteger.Zero, (sum, l) => sum + l.OutgoingTotal);
            var incoming = _ledgers.Aggregate(BigInteger.Zero, (sum, l) => sum + l.IncomingTotal);
            Assert.AreEqual(_genesis, balances + outgoing - incoming);
            foreach (var l in _ledgers)
            {
                Assert.AreEqual(l.Accounts.Values.Aggregate(BigInteger.Zero, (sum, a) => sum + a.Balance), l.TotalBalance);
                Assert.IsTrue(l.Accounts.Values.All(a => a.Balance.Sign >= 0));
            }
        }

        /// <summary>After every proof is delivered: no money in flight, and every proof credited exactly once.</summary>
        public void CheckSettled()
        {
            CheckInFlightConservation();
            Assert.AreEqual(_genesis, _ledgers.Aggregate(BigInteger.Zero, (sum, l) => sum + l.TotalBalance));
            Assert.IsTrue(_credits.Values.All(c => c == 1), "every proof credits exactly once");
            foreach (var ((destination, proof), _) in _credits)
                Assert.IsTrue(_ledgers[destination].IsSpent(proof.SourceShard, proof.BlockHash));
        }
    }
}
