using System.Buffers.Binary;
using System.Numerics;
using System.Text;
using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Crypto;
using HarmonySim.Protocol.Staking.State;

namespace HarmonySim.Protocol.Staking.Transactions;

/// <summary>
/// The RLP bytes a staking transaction's sender signs: [directive, message, nonce, chain id]. The message is an RLP
/// list of its fields in §4.1 order; amounts are minimal big-endian two's complement integers, commission rates the 16 bytes of
/// <see cref="decimal.GetBits(decimal)"/>, an optional field a list of zero or one item. Deterministic and injective
/// over messages, but not byte-compatible with Harmony's encoding (no gas price or limit; Harmony encodes rates as 18-digit fixed point).
/// </summary>
public static class StakingTransactionEncoding
{
    public static byte[] Encode(StakingTransaction transaction, ulong nonce, ulong chainId)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var w = new RlpWriter().StartList().UInt((ulong)transaction.Directive).StartList();
        switch (transaction)
        {
            case CreateValidator tx:
                w.Bytes(Addr(tx.ValidatorAddress));
                Description(w, tx.Description);
                w.StartList().Bytes(Dec(tx.CommissionRates.Rate)).Bytes(Dec(tx.CommissionRates.MaxRate)).Bytes(Dec(tx.CommissionRates.MaxChangeRate)).EndList();
                w.Bytes(Int(tx.MinSelfDelegation)).Bytes(Int(tx.MaxTotalDelegation));
                w.StartList();
                foreach (var k in tx.SlotKeys.IsDefault ? [] : tx.SlotKeys) w.Bytes(k.Key.Bytes);
                w.EndList().StartList();
                foreach (var k in tx.SlotKeys.IsDefault ? [] : tx.SlotKeys) w.Bytes(k.Proof ?? []);
                w.EndList().Bytes(Int(tx.Amount));
                break;
            case EditValidator tx:
                w.Bytes(Addr(tx.ValidatorAddress));
                Optional(w, tx.Description, d => Description(w, d));
                Optional(w, tx.CommissionRate, r => w.Bytes(Dec(r)));
                Optional(w, tx.MinSelfDelegation, a => w.Bytes(Int(a)));
                Optional(w, tx.MaxTotalDelegation, a => w.Bytes(Int(a)));
                Optional(w, tx.SlotKeyToRemove, k => w.Bytes(k.Bytes));
                Optional(w, tx.SlotKeyToAdd, k => w.Bytes(k.Key.Bytes).Bytes(k.Proof ?? []));
                Optional(w, tx.Status, s => w.UInt((ulong)s));
                break;
            case DelegateStake tx:
                w.Bytes(Addr(tx.DelegatorAddress)).Bytes(Addr(tx.ValidatorAddress)).Bytes(Int(tx.Amount));
                break;
            case UndelegateStake tx:
                w.Bytes(Addr(tx.DelegatorAddress)).Bytes(Addr(tx.ValidatorAddress)).Bytes(Int(tx.Amount));
                break;
            case CollectRewards tx:
                w.Bytes(Addr(tx.DelegatorAddress));
                break;
            default:
                throw new ArgumentException($"unknown staking transaction {transaction.GetType().Name}", nameof(transaction));
        }
        return w.EndList().UInt(nonce).UInt(chainId).EndList().ToArray();
    }

    /// <summary>Keccak-256 of <see cref="Encode"/>: the hash the sender's secp256k1 key signs.</summary>
    public static byte[] SigningHash(StakingTransaction transaction, ulong nonce, ulong chainId) =>
        Keccak256.Hash(Encode(transaction, nonce, chainId)).ToArray();

    private static byte[] Addr(Address a) => a.ToArray();

    // Minimal big-endian two's complement, so a (refused) negative amount still encodes, distinctly.
    private static byte[] Int(BigInteger v) => v.IsZero ? [] : v.ToByteArray(isUnsigned: false, isBigEndian: true);

    private static byte[] Dec(decimal d)
    {
        var bytes = new byte[16];
        var bits = decimal.GetBits(d);
        for (var i = 0; i < 4; i++) BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(i * 4), bits[i]);
        return bytes;
    }

    private static void Description(RlpWriter w, ValidatorDescription d) =>
        w.StartList()
            .Bytes(Encoding.UTF8.GetBytes(d.Name ?? "")).Bytes(Encoding.UTF8.GetBytes(d.Identity ?? ""))
            .Bytes(Encoding.UTF8.GetBytes(d.Website ?? "")).Bytes(Encoding.UTF8.GetBytes(d.SecurityContact ?? ""))
            .Bytes(Encoding.UTF8.GetBytes(d.Details ?? ""))
            .EndList();

    private static void Optional<T>(RlpWriter w, T? value, Action<T> write) where T : class
    {
        w.StartList();
        if (value is not null) write(value);
        w.EndList();
    }

    private static void Optional<T>(RlpWriter w, T? value, Action<T> write) where T : struct
    {
        w.StartList();
        if (value is { } v) write(v);
        w.EndList();
    }
}
