using System.Numerics;
using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Chain.Transactions;
using HarmonySim.Protocol.Crypto;
using HarmonySim.Protocol.Mempool;
using HarmonySim.Protocol.State;

namespace HarmonySim.Bench.Mempool;

/// <summary>
/// A large pool's inputs: <see cref="Senders"/> funded accounts, each with <see cref="PerSender"/> consecutive
/// transfers at varied gas prices, simulated-signed (so building them measures the pool, not secp256k1).
/// </summary>
public sealed class PoolWorkload
{
    public const int Senders = 10_000;
    public const int PerSender = 10;

    public PoolWorkload()
    {
        var ledger = ShardLedger.Genesis(0, 2, 2, acceptSimulatedSignatures: true);
        var addresses = new Address[Senders];
        for (var i = 0; i < Senders; i++)
        {
            addresses[i] = new Address(Keccak256.Hash(BitConverter.GetBytes(i)).ToArray().AsSpan(0, Address.Size));
            ledger = ledger.Fund(addresses[i], BigInteger.Pow(10, 21));
        }
        Head = ledger;
        // Interleaved by nonce so that each add extends some sender's chain, as a load generator would send them.
        Transactions = new SignedTransfer[Senders * PerSender];
        var k = 0;
        for (var n = 0; n < PerSender; n++)
            for (var i = 0; i < Senders; i++)
            {
                var price = new BigInteger(100_000_000_000L + ((i * 7919L + n * 104_729L) % 1000 * 1_000_000_000L));
                var message = new Transfer(addresses[i], addresses[(i + 1) % Senders], 0, (uint)(i % 2), 1, (ulong)n) { GasPrice = price };
                var tx = SignedTransfer.SignSimulated(message, 2);
                _ = tx.Hash; // computed here, as a node would on receipt, not inside the timed adds
                Transactions[k++] = tx;
            }
    }

    public ShardLedger Head { get; }
    public SignedTransfer[] Transactions { get; }

    public TxPool NewPool() => new(0, TxPoolRules.Harmony with { Capacity = Transactions.Length, BlockGasLimit = 80_000_000 });
}
