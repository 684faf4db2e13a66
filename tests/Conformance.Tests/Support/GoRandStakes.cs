using System.Numerics;

namespace HarmonySim.Conformance.Tests.Support;

/// <summary>
/// The stakes Harmony's tests draw: <c>stakeGen = rand.New(rand.NewSource(541))</c>, then <c>stakeGen.Int63n(200)</c>
/// once per generated slot, used as atto-ONE (<c>numeric.NewDecFromBigInt</c>). These are the first 200 draws of Go's
/// math/rand with that seed, listed here because they are the test inputs.
/// </summary>
public static class GoRandStakes
{
    private static readonly int[] Seed541Int63n200 =
    [
        105, 97, 111, 39, 89, 152, 182, 59, 157, 101, 67, 145, 24, 170, 93, 182, 183, 19, 169, 171,
        111, 97, 177, 27, 6, 120, 195, 13, 69, 107, 1, 46, 195, 101, 131, 141, 183, 46, 1, 138,
        189, 91, 189, 53, 175, 33, 178, 12, 35, 6, 141, 120, 167, 72, 111, 93, 68, 153, 154, 196,
        11, 128, 135, 57, 152, 103, 185, 177, 70, 67, 5, 112, 119, 81, 174, 184, 28, 108, 20, 58,
        68, 96, 47, 157, 66, 52, 91, 56, 41, 4, 108, 128, 154, 6, 61, 14, 142, 30, 115, 181,
        7, 17, 7, 106, 186, 112, 117, 198, 134, 142, 155, 160, 152, 108, 94, 191, 3, 109, 68, 155,
        81, 48, 49, 150, 36, 179, 66, 75, 71, 63, 12, 199, 114, 97, 34, 77, 35, 56, 170, 6,
        147, 86, 61, 3, 20, 178, 152, 190, 143, 172, 76, 128, 111, 145, 59, 9, 56, 181, 116, 177,
        191, 80, 188, 146, 145, 9, 5, 33, 154, 40, 147, 122, 5, 1, 135, 183, 119, 111, 79, 26,
        170, 150, 80, 46, 9, 8, 50, 8, 70, 166, 195, 91, 6, 126, 73, 123, 106, 103, 198, 87,
    ];

    /// <summary>Draws <paramref name="first"/> … <paramref name="first"/> + <paramref name="count"/> − 1 (0-based), in atto.</summary>
    public static BigInteger[] Draws(int first, int count) => [.. Seed541Int63n200.Skip(first).Take(count).Select(s => new BigInteger(s))];
}
