using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Text;
using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Crypto;
using HarmonySim.Protocol.Staking.State;

namespace HarmonySim.Protocol.Staking.Transactions;

/// <summary>The message, nonce and chain id a staking transaction's encoding carries.</summary>
public sealed record DecodedStakingTransaction(StakingTransaction Message, ulong Nonce, ulong ChainId);

/// <summary>
/// Reads what <see cref="StakingTransactionEncoding.Encode"/> writes. Never throws on bad input: a malformed field
/// gives a failure naming it, and anything accepted encodes back to the same bytes.
/// </summary>
public static class StakingTransactionDecoding
{
    public static Decoded<DecodedStakingTransaction> Decode(ReadOnlyMemory<byte> encoded)
    {
        if (!RlpReader.TryDecode(encoded, out var item, out var error)) return Decoded.Failure<DecodedStakingTransaction>("staking transaction: " + error);
        var outer = new RlpFieldReader(item!, "staking transaction");
        var directive = outer.UInt64("directive");
        var body = outer.List("message");
        var nonce = outer.UInt64("nonce");
        var chainId = outer.UInt64("chain id");
        if (outer.Finish() is { } outerError) return Decoded.Failure<DecodedStakingTransaction>(outerError);
        var m = new RlpFieldReader(body!, $"staking message {directive}");
        StakingTransaction? message = directive switch
        {
            0 => ReadCreate(m),
            1 => ReadEdit(m),
            2 => new DelegateStake(m.Address("delegator"), m.Address("validator"), m.SignedInteger("amount")),
            3 => new UndelegateStake(m.Address("delegator"), m.Address("validator"), m.SignedInteger("amount")),
            4 => new CollectRewards(m.Address("delegator")),
            _ => null,
        };
        if (message is null) return Decoded.Failure<DecodedStakingTransaction>($"staking transaction: unknown directive {directive}");
        if (m.Finish() is { } messageError) return Decoded.Failure<DecodedStakingTransaction>(messageError);
        var result = new DecodedStakingTransaction(message, nonce, chainId);
        // Canonical only: decimals and strings have more than one byte form, so insist on the one Encode writes.
        return StakingTransactionEncoding.Encode(message, nonce, chainId).AsSpan().SequenceEqual(encoded.Span)
            ? Decoded.Success(result)
            : Decoded.Failure<DecodedStakingTransaction>("staking transaction: not in canonical form");
    }

    private static CreateValidator ReadCreate(RlpFieldReader m)
    {
        var address = m.Address("validator");
        var description = ReadDescription(m.List("description"), m);
        var rates = m.List("commission rates");
        var r = rates is null ? null : new RlpFieldReader(rates, "commission rates");
        var commission = new CommissionRates(Dec(r, "rate"), Dec(r, "max rate"), Dec(r, "max change rate"));
        var min = m.SignedInteger("min self delegation");
        var max = m.SignedInteger("max total delegation");
        var keys = m.List("slot keys");
        var proofs = m.List("slot key proofs");
        var amount = m.SignedInteger("amount");
        if (r?.Finish() is { } rateError) Fail(m, rateError);
        var keyList = keys?.Items ?? [];
        var proofList = proofs?.Items ?? [];
        if (keyList.Count != proofList.Count) Fail(m, "slot keys and proofs differ in number");
        var slots = ImmutableArray.CreateBuilder<SlotKeyWithProof>();
        for (var i = 0; i < Math.Min(keyList.Count, proofList.Count); i++)
        {
            if (keyList[i].IsList || proofList[i].IsList || keyList[i].Bytes.Length != PublicKey.Size) { Fail(m, $"slot key {i} is malformed"); break; }
            slots.Add(new SlotKeyWithProof(new PublicKey(keyList[i].Bytes), proofList[i].Bytes.ToArray()));
        }
        return new CreateValidator(address, description, commission, min, max, slots.ToImmutable(), amount);
    }

    private static EditValidator ReadEdit(RlpFieldReader m)
    {
        var address = m.Address("validator");
        var description = Optional(m, "description", list => ReadDescription(list, m));
        var rate = Optional(m, "commission rate", list => (decimal?)Dec(new RlpFieldReader(list, "commission rate"), "rate"));
        var min = Optional(m, "min self delegation", list => (System.Numerics.BigInteger?)new RlpFieldReader(list, "min self delegation").SignedInteger("value"));
        var max = Optional(m, "max total delegation", list => (System.Numerics.BigInteger?)new RlpFieldReader(list, "max total delegation").SignedInteger("value"));
        var remove = Optional(m, "slot key to remove", list => Key(list, 0, m));
        var add = Optional(m, "slot key to add", list => Key(list, 0, m) is { } key && list.Items.Count == 2 && !list.Items[1].IsList
            ? new SlotKeyWithProof(key, list.Items[1].Bytes.ToArray()) : null);
        var status = Optional(m, "status", list => list.Items.Count == 1 && !list.Items[0].IsList && list.Items[0].Bytes.Length <= 1
            && (list.Items[0].Bytes.Length == 0 ? 0 : list.Items[0].Bytes[0]) is var s && s <= (int)ValidatorStatus.Banned ? (ValidatorStatus?)s : null);
        return new EditValidator(address, description, rate, min, max, remove, add, status);
    }

    /// <summary>An optional field: an empty list for absent, else a list holding the value.</summary>
    private static T? Optional<T>(RlpFieldReader m, string field, Func<RlpItem, T?> read)
    {
        var list = m.List(field);
        if (list is null || list.Items.Count == 0) return default;
        var value = read(list.Items.Count == 1 && list.Items[0].IsList ? list.Items[0] : list);
        if (value is null) Fail(m, $"{field} is malformed");
        return value;
    }

    private static PublicKey? Key(RlpItem list, int index, RlpFieldReader m)
    {
        if (list.Items.Count <= index || list.Items[index].IsList || list.Items[index].Bytes.Length != PublicKey.Size) return null;
        return new PublicKey(list.Items[index].Bytes);
    }

    private static ValidatorDescription ReadDescription(RlpItem? list, RlpFieldReader m)
    {
        if (list is null) return new ValidatorDescription("");
        var d = new RlpFieldReader(list, "description");
        string Text(string field) => Encoding.UTF8.GetString(d.Bytes(field, maxLength: 1_000));
        var description = new ValidatorDescription(Text("name"), Text("identity"), Text("website"), Text("security contact"), Text("details"));
        if (d.Finish() is { } error) Fail(m, error);
        return description;
    }

    private static decimal Dec(RlpFieldReader? r, string field)
    {
        if (r is null) return 0;
        var bytes = r.Bytes(field, 16);
        if (r.Error is not null) return 0;
        var bits = new int[4];
        for (var i = 0; i < 4; i++) bits[i] = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(i * 4));
        try
        {
            return new decimal(bits);
        }
        catch (ArgumentException)
        {
            Fail(r, $"{field} is not a decimal");
            return 0;
        }
    }

    private static void Fail(RlpFieldReader reader, string reason) => reader.Reject(reason);
}
