namespace HarmonySim.Protocol.Crypto.Bls;

/// <summary>The operations the curve code needs from GF(p) and GF(p^2), so one generic (JIT-specialised) implementation serves G1 and G2.</summary>
internal interface IField<T> where T : unmanaged, IField<T>
{
    static abstract T FieldZero { get; }
    static abstract T FieldOne { get; }
    static abstract T Add(in T a, in T b);
    static abstract T Sub(in T a, in T b);
    static abstract T Mul(in T a, in T b);
    static abstract T Square(in T a);
    static abstract T Neg(in T a);
    static abstract T Double(in T a);

    /// <summary>Multiplies by the curve coefficient b (4 on E, 4(1+u) on the twist E').</summary>
    static abstract T MulByB(in T a);

    /// <summary>Multiplies by 3b.</summary>
    static abstract T MulByB3(in T a);

    /// <summary>b when every mask bit is set, a when none is.</summary>
    static abstract T SelectMask(in T a, in T b, ulong mask);

    static abstract T Inverse(in T a);

    bool IsZero { get; }
    bool Equals(T other);
}
