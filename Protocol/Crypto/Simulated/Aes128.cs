using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using System.Security.Cryptography;
using X86Aes = System.Runtime.Intrinsics.X86.Aes;

namespace HarmonySim.Protocol.Crypto.Simulated;

/// <summary>
/// AES-128 on single blocks with the processor's AES instructions. The platform's AES goes through OpenSSL at
/// about 1.5 µs a call, which would dominate consensus message handling; AES-NI takes tens of nanoseconds.
/// Falls back to the platform implementation where AES-NI is missing. Thread-safe (round keys are read-only).
/// </summary>
internal sealed class Aes128 : IDisposable
{
    private readonly Vector128<byte>[] _encrypt = new Vector128<byte>[11];
    private readonly Vector128<byte>[] _decrypt = new Vector128<byte>[11];
    private readonly ThreadLocal<System.Security.Cryptography.Aes>? _fallback;

    public Aes128(ReadOnlySpan<byte> key)
    {
        if (key.Length != 16) throw new ArgumentException("AES-128 takes a 16-byte key", nameof(key));
        if (!X86Aes.IsSupported)
        {
            var copy = key.ToArray();
            _fallback = new ThreadLocal<System.Security.Cryptography.Aes>(() =>
            {
                var aes = System.Security.Cryptography.Aes.Create();
                aes.Key = copy;
                return aes;
            });
            return;
        }
        var k = Vector128.Create(key);
        _encrypt[0] = k;
        _encrypt[1] = k = Expand(k, X86Aes.KeygenAssist(k, 0x01));
        _encrypt[2] = k = Expand(k, X86Aes.KeygenAssist(k, 0x02));
        _encrypt[3] = k = Expand(k, X86Aes.KeygenAssist(k, 0x04));
        _encrypt[4] = k = Expand(k, X86Aes.KeygenAssist(k, 0x08));
        _encrypt[5] = k = Expand(k, X86Aes.KeygenAssist(k, 0x10));
        _encrypt[6] = k = Expand(k, X86Aes.KeygenAssist(k, 0x20));
        _encrypt[7] = k = Expand(k, X86Aes.KeygenAssist(k, 0x40));
        _encrypt[8] = k = Expand(k, X86Aes.KeygenAssist(k, 0x80));
        _encrypt[9] = k = Expand(k, X86Aes.KeygenAssist(k, 0x1b));
        _encrypt[10] = Expand(k, X86Aes.KeygenAssist(k, 0x36));
        _decrypt[0] = _encrypt[10];
        for (var i = 1; i < 10; i++) _decrypt[i] = X86Aes.InverseMixColumns(_encrypt[10 - i]);
        _decrypt[10] = _encrypt[0];
    }

    public Vector128<byte> Encrypt(Vector128<byte> block)
    {
        if (_fallback is not null) return Fallback(block, encrypt: true);
        block = Sse2.Xor(block, _encrypt[0]);
        for (var i = 1; i < 10; i++) block = X86Aes.Encrypt(block, _encrypt[i]);
        return X86Aes.EncryptLast(block, _encrypt[10]);
    }

    public Vector128<byte> Decrypt(Vector128<byte> block)
    {
        if (_fallback is not null) return Fallback(block, encrypt: false);
        block = Sse2.Xor(block, _decrypt[0]);
        for (var i = 1; i < 10; i++) block = X86Aes.Decrypt(block, _decrypt[i]);
        return X86Aes.DecryptLast(block, _decrypt[10]);
    }

    /// <summary>
    /// A pseudo-random function of any-length input: CBC-MAC over the input with its length as the first block,
    /// which makes the encoding prefix-free (so CBC-MAC is a PRF for variable lengths).
    /// </summary>
    public Vector128<byte> Mac(ReadOnlySpan<byte> data)
    {
        var state = Encrypt(Vector128.Create((ulong)data.Length, 0x48534D4143UL).AsByte());
        while (data.Length >= 16)
        {
            state = Encrypt(Vector128.Xor(state, Vector128.Create(data[..16])));
            data = data[16..];
        }
        if (data.Length > 0)
        {
            Span<byte> last = stackalloc byte[16];
            last.Clear();
            data.CopyTo(last);
            state = Encrypt(Vector128.Xor(state, Vector128.Create<byte>(last)));
        }
        return state;
    }

    public void Dispose() => _fallback?.Dispose();

    private static Vector128<byte> Expand(Vector128<byte> key, Vector128<byte> assist)
    {
        assist = Sse2.Shuffle(assist.AsUInt32(), 0xFF).AsByte();
        key = Sse2.Xor(key, Sse2.ShiftLeftLogical128BitLane(key, 4));
        key = Sse2.Xor(key, Sse2.ShiftLeftLogical128BitLane(key, 4));
        key = Sse2.Xor(key, Sse2.ShiftLeftLogical128BitLane(key, 4));
        return Sse2.Xor(key, assist);
    }

    private Vector128<byte> Fallback(Vector128<byte> block, bool encrypt)
    {
        Span<byte> input = stackalloc byte[16];
        Span<byte> output = stackalloc byte[16];
        block.CopyTo(input);
        var aes = _fallback!.Value!;
        if (encrypt) aes.EncryptEcb(input, output, PaddingMode.None);
        else aes.DecryptEcb(input, output, PaddingMode.None);
        return Vector128.Create<byte>(output);
    }
}
