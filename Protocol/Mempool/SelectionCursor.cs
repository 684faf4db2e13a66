using System.Numerics;

namespace HarmonySim.Protocol.Mempool;

/// <summary>
/// Where block selection stands in one sender's queue: the next index to offer, and — once the sender's account has
/// been looked up (<see cref="Positioned"/>) — its balance and what the transactions selected so far spent of it.
/// </summary>
internal readonly record struct SelectionCursor(SenderQueue Queue, int Index, bool Positioned, BigInteger Balance, BigInteger Spent);
