namespace HarmonySim.Protocol.Crypto.Bls;

/// <summary>
/// One message's hash-to-G2 point H(m) with the work derived from it that is worth keeping when the message is
/// signed or checked more than once: its Miller-loop line coefficients (from the second check on) and a fixed-base
/// table for [sk]H(m) (from the <see cref="MessageHashCache.TableAfterSigns"/>-th signature on). Every value here is
/// a memo of a pure function of the message, so answers and bytes are the same whether a memo exists or not.
/// Thread-safe: the table is built by one thread while the others keep signing the plain way; two threads may
/// both compute the line coefficients, and they compute the same ones.
/// </summary>
internal sealed class HashedMessage
{
    private readonly MessageHashCache _owner;
    private G2Prepared? _prepared;
    private G2FixedBaseTable? _table;
    private int _checks;
    private int _signs;
    private int _building;

    public HashedMessage(MessageHashCache owner, in Point<Fp2> point)
    {
        _owner = owner;
        Point = point.Normalize();
    }

    /// <summary>H(m), affine.</summary>
    public Point<Fp2> Point { get; }

    /// <summary>Whether a signing table is built and held (tests and benchmarks look).</summary>
    public bool HasTable => Volatile.Read(ref _table) is not null;

    /// <summary>The line coefficients of H(m), always computed (and kept).</summary>
    public G2Prepared Prepared
    {
        get
        {
            var p = Volatile.Read(ref _prepared);
            if (p is not null) return p;
            p = new G2Prepared(Point);
            return Interlocked.CompareExchange(ref _prepared, p, null) ?? p;
        }
    }

    /// <summary>
    /// The line coefficients when this is not the first check of the message, else null: preparing costs what the
    /// on-the-fly Miller loop costs plus 20 KB, which only pays when the lines are read again.
    /// </summary>
    public G2Prepared? PreparedIfReused() =>
        Volatile.Read(ref _prepared) ?? (Interlocked.Increment(ref _checks) > 1 ? Prepared : null);

    /// <summary>[k]H(m) for a 32-byte big-endian scalar below r; the same point whichever path computes it.</summary>
    public Point<Fp2> Multiply(ReadOnlySpan<byte> scalarBe32)
    {
        var table = Volatile.Read(ref _table);
        if (table is not null) return table.Mul(scalarBe32);
        if (Interlocked.Increment(ref _signs) >= _owner.TableAfterSigns && Interlocked.CompareExchange(ref _building, 1, 0) == 0)
        {
            table = new G2FixedBaseTable(Point, _owner.TableWidth);
            Volatile.Write(ref _table, table);
            _owner.TableBuilt(this);
            return table.Mul(scalarBe32);
        }
        // No table yet, or another thread is building it: the constant-time GLS multiplication, as before.
        return G2Gls.MulSecret(Point, scalarBe32);
    }

    /// <summary>Lets the table go (the cache holds only a few); a later signature may build it again.</summary>
    internal void DropTable()
    {
        Volatile.Write(ref _table, null);
        Volatile.Write(ref _signs, 0);
        Volatile.Write(ref _building, 0);
    }
}
