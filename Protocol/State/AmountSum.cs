using System.Numerics;

namespace HarmonySim.Protocol.State;

/// <summary>
/// A running sum of amounts kept in a 128-bit machine integer while the amounts are non-negative and the sum fits,
/// and in a <see cref="BigInteger"/> beyond that: a block adds thousands of fees, and a BigInteger sum allocated at
/// every step. Exact either way.
/// </summary>
internal struct AmountSum
{
    private static readonly BigInteger SmallLimit = UInt128.MaxValue;
    private UInt128 _small;
    private BigInteger _rest;

    public void Add(BigInteger amount)
    {
        if (amount.Sign >= 0 && amount <= SmallLimit)
        {
            var small = (UInt128)amount;
            if (_small <= UInt128.MaxValue - small)
            {
                _small += small;
                return;
            }
        }
        _rest += amount;
    }

    public readonly BigInteger Value => _rest + _small;
}
