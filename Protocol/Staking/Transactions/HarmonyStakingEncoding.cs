using System.Collections.Immutable;
using System.Numerics;
using System.Text;
using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Chain.Transactions;
using HarmonySim.Protocol.Crypto;
using HarmonySim.Protocol.Crypto.Accounts;
using HarmonySim.Protocol.Staking.State;

namespace HarmonySim.Protocol.Staking.Transactions;

/// <summary>
/// Harmony's wire form of staking transactions (<c>staking/types</c>): RLP [directive, message, nonce, gasPrice,
/// gasLimit, v, r, s], signed over Keccak-256 of RLP [directive, message, nonce, gasPrice, gasLimit, chainId, 0, 0]
/// (EIP-155, v = recovery id + 2·chainId + 35). Messages are RLP lists of their Go structs' fields: a description is
/// five strings, a commission rate (numeric.Dec) a one-item list holding the rate × 10^18, amounts unsigned
/// integers, BLS keys 48 bytes and their proofs of possession 96 bytes. CreateValidator: validator, description,
/// [rate, max rate, max change rate], min self delegation, max total delegation, [keys], [proofs], amount.
/// EditValidator: validator, description, rate?, min self delegation?, max total delegation?, key to remove?,
/// key to add?, its proof?, status (0 none, 1 active, 2 inactive); an absent value is empty (Go's rlp:"nil").
/// Delegate and Undelegate: delegator, validator, amount. CollectRewards: delegator. @harmony-js/staking 0.1.58
/// predates the proofs: its CreateValidator (7 fields) and EditValidator (7) are read and refused with that said.
/// Never throws on bad input: a failure names the field.
/// </summary>
public static class HarmonyStakingEncoding
{

    /// <summary>
    /// Whether <paramref name="bytes"/> look like a staking transaction rather than a transfer: an RLP list whose second
    /// item (the message) is a list, where a transfer's is an integer (gas price). Decides how to read journaled bytes.
    /// </summary>
    public static bool IsStakingShape(ReadOnlyMemory<byte> bytes) =>
        RlpReader.TryDecode(bytes, out var item, out _) && item!.IsList && item.Items.Count == 8 && item.Items[1].IsList;

    public static Decoded<HarmonyStakingTransaction> Decode(ReadOnlyMemory<byte> bytes)
    {
        if (!RlpReader.TryDecode(bytes, out var item, out var error)) return Fail("staking transaction: " + error);
        if (!item!.IsList || item.Items.Count != 8) return Fail($"staking transaction: expected a list of 8 fields (directive, message, nonce, gasPrice, gasLimit, v, r, s), got {item}");
        var f = new RlpFieldReader(item, "staking transaction");
        var directive = f.UInt64("directive");
        var body = f.List("message");
        var nonce = f.UInt64("nonce");
        var gasPrice = f.Bytes("gasPrice", maxLength: 32);
        var gasLimit = f.UInt64("gasLimit");
        var v = f.UInt64("v");
        var r = f.Bytes("r", maxLength: 32);
        var s = f.Bytes("s", maxLength: 32);
        if (f.Finish() is { } bad) return Fail(bad);
        if (gasPrice is [0, ..] || r is [0, ..] || s is [0, ..]) return Fail("staking transaction: non-canonical integer with a leading zero byte");
        if (Eip155Signature.Read("staking transaction", v, r, s, out var signature, out var chainId) is { } refused) return Fail(refused);
        var (message, messageError) = directive switch
        {
            0 => ReadCreate(body!),
            1 => ReadEdit(body!),
            2 or 3 => ReadDelegation(body!, directive),
            4 => ReadCollect(body!),
            _ => (null, $"staking transaction.directive: unknown directive {directive} (0 CreateValidator to 4 CollectRewards)"),
        };
        if (message is null) return Fail(messageError!);
        var signing = new RlpWriter().StartList().UInt(directive);
        Write(signing, body!);
        var hash = Keccak256.Hash(signing.UInt(nonce).Bytes(gasPrice).UInt(gasLimit).UInt(chainId).UInt(0).UInt(0).EndList().WrittenSpan);
        if (AccountKey.RecoverAddress(hash.ToArray(), signature) is not { } sender) return Fail("staking transaction: the signature does not recover a sender");
        if (new Address(sender) != message.Sender)
            return Fail($"staking transaction: signed by {new Address(sender)}, but the message's {(directive <= 1 ? "validator" : "delegator")} is {message.Sender}");
        return Decoded.Success(new HarmonyStakingTransaction(message, nonce, Unsigned(gasPrice), gasLimit, chainId, signature, Keccak256.Hash(bytes.Span)));
    }

    private static (StakingTransaction?, string?) ReadCreate(RlpItem body)
    {
        const string name = "CreateValidator";
        if (body.Items.Count == 7) return (null, $"{name}: 7 fields without slot key proofs (the form of @harmony-js/staking 0.1.58, before Harmony required a BLS proof of possession per key); add the proofs after the keys");
        var m = new RlpFieldReader(body, name);
        var address = m.Address("validator");
        var description = Description(m.List("description"), m);
        var rates = m.List("commission rates");
        var min = Integer(m, "min self delegation");
        var max = Integer(m, "max total delegation");
        var keys = m.List("slot keys");
        var proofs = m.List("slot key proofs");
        var amount = Integer(m, "amount");
        if (m.Finish() is { } error) return (null, error);
        if (rates!.Items.Count != 3) return (null, $"{name}.commission rates: expected 3 rates, got {rates.Items.Count}");
        var rate = Dec(rates.Items[0], $"{name}.commission rates.rate", out var e1);
        var maxRate = Dec(rates.Items[1], $"{name}.commission rates.max rate", out var e2);
        var maxChange = Dec(rates.Items[2], $"{name}.commission rates.max change rate", out var e3);
        if ((e1 ?? e2 ?? e3) is { } rateError) return (null, rateError);
        if (keys!.Items.Count != proofs!.Items.Count) return (null, $"{name}: {keys.Items.Count} slot keys but {proofs.Items.Count} proofs");
        var slots = ImmutableArray.CreateBuilder<SlotKeyWithProof>();
        for (var i = 0; i < keys.Items.Count; i++)
        {
            if (keys.Items[i].IsList || keys.Items[i].Bytes.Length != PublicKey.Size) return (null, $"{name}.slot keys[{i}]: expected {PublicKey.Size} bytes");
            if (proofs.Items[i].IsList || proofs.Items[i].Bytes.Length != Signature.Size) return (null, $"{name}.slot key proofs[{i}]: expected {Signature.Size} bytes");
            slots.Add(new SlotKeyWithProof(new PublicKey(keys.Items[i].Bytes), proofs.Items[i].Bytes.ToArray()));
        }
        return (new CreateValidator(address, description, new CommissionRates(rate, maxRate, maxChange), min, max, slots.ToImmutable(), amount), null);
    }

    private static (StakingTransaction?, string?) ReadEdit(RlpItem body)
    {
        const string name = "EditValidator";
        if (body.Items.Count == 7) return (null, $"{name}: 7 fields without the added key's proof and the status (the form of @harmony-js/staking 0.1.58); Harmony's has 9");
        var m = new RlpFieldReader(body, name);
        var address = m.Address("validator");
        var description = Description(m.List("description"), m);
        if (body.Items.Count != 9) return (null, $"{name}: expected 9 fields, got {body.Items.Count}");
        var rateItem = body.Items[2];
        decimal? rate = null;
        if (rateItem.IsList && rateItem.Items.Count > 0)
        {
            rate = Dec(rateItem, $"{name}.commission rate", out var rateError);
            if (rateError is not null) return (null, rateError);
        }
        else if (!rateItem.IsList && rateItem.Bytes.Length > 0) return (null, $"{name}.commission rate: expected a list (numeric.Dec) or empty");
        if (m.Error is { } error) return (null, error);
        string? fieldError = null;
        var min = Field(body.Items[3], $"{name}.min self delegation", 32, ref fieldError);
        var max = Field(body.Items[4], $"{name}.max total delegation", 32, ref fieldError);
        var remove = Field(body.Items[5], $"{name}.slot key to remove", PublicKey.Size, ref fieldError);
        var add = Field(body.Items[6], $"{name}.slot key to add", PublicKey.Size, ref fieldError);
        var proof = Field(body.Items[7], $"{name}.slot key to add proof", Signature.Size, ref fieldError);
        var statusBytes = Field(body.Items[8], $"{name}.status", 1, ref fieldError);
        if (fieldError is not null) return (null, fieldError);
        var status = statusBytes.Length == 0 ? 0 : statusBytes[0];
        var minValue = Unsigned(min);
        var maxValue = Unsigned(max);
        if (remove.Length is not (0 or PublicKey.Size)) return (null, $"{name}.slot key to remove: expected {PublicKey.Size} bytes or empty");
        if (add.Length is not (0 or PublicKey.Size)) return (null, $"{name}.slot key to add: expected {PublicKey.Size} bytes or empty");
        if (add.Length > 0 && proof.Length != Signature.Size) return (null, $"{name}.slot key to add proof: expected {Signature.Size} bytes with a key to add");
        if (add.Length == 0 && proof.Length > 0) return (null, $"{name}.slot key to add proof: given without a key to add");
        ValidatorStatus? eligibility = status switch
        {
            0 => null,
            1 => ValidatorStatus.Active,
            2 => ValidatorStatus.Inactive,
            _ => (ValidatorStatus?)(ValidatorStatus)(-1),
        };
        if (eligibility == (ValidatorStatus)(-1)) return (null, $"{name}.status: {status} is not 0 (unchanged), 1 (active) or 2 (inactive)");
        return (new EditValidator(address, description, rate, minValue.IsZero ? null : minValue, maxValue.IsZero ? null : maxValue,
            remove.Length == 0 ? null : new PublicKey(remove), add.Length == 0 ? null : new SlotKeyWithProof(new PublicKey(add), proof), eligibility), null);
    }

    private static (StakingTransaction?, string?) ReadDelegation(RlpItem body, ulong directive)
    {
        var name = directive == 2 ? "Delegate" : "Undelegate";
        var m = new RlpFieldReader(body, name);
        var delegator = m.Address("delegator");
        var validator = m.Address("validator");
        var amount = Integer(m, "amount");
        if (m.Finish() is { } error) return (null, error);
        return (directive == 2 ? new DelegateStake(delegator, validator, amount) : new UndelegateStake(delegator, validator, amount), null);
    }

    private static (StakingTransaction?, string?) ReadCollect(RlpItem body)
    {
        var m = new RlpFieldReader(body, "CollectRewards");
        var delegator = m.Address("delegator");
        return m.Finish() is { } error ? (null, error) : (new CollectRewards(delegator), null);
    }

    private static ValidatorDescription Description(RlpItem? list, RlpFieldReader m)
    {
        if (list is null) return new ValidatorDescription("");
        var d = new RlpFieldReader(list, "description");
        string Text(string field) => Encoding.UTF8.GetString(d.Bytes(field, maxLength: 1_000));
        var description = new ValidatorDescription(Text("name"), Text("identity"), Text("website"), Text("security contact"), Text("details"));
        if (d.Finish() is { } error) m.Reject(error);
        return description;
    }

    /// <summary>numeric.Dec: a one-item list holding the value × 10^18, unsigned; as a decimal (at most 28 digits).</summary>
    private static decimal Dec(RlpItem item, string field, out string? error)
    {
        error = null;
        if (!item.IsList || item.Items.Count != 1 || item.Items[0].IsList || item.Items[0].Bytes.Length > 16)
        {
            error = $"{field}: expected a numeric.Dec (a list holding an integer of the value × 10^18)";
            return 0;
        }
        var raw = item.Items[0].Bytes;
        if (raw.Length > 0 && raw[0] == 0) { error = $"{field}: non-canonical integer with a leading zero byte"; return 0; }
        var value = new BigInteger(raw, isUnsigned: true, isBigEndian: true);
        return (decimal)BigInteger.DivRem(value, Numeric.Dec.Scale, out var fraction) + (decimal)fraction / 1_000_000_000_000_000_000m;
    }

    /// <summary>A string field of at most <paramref name="maxLength"/> bytes (integers canonical); the first problem goes to <paramref name="error"/>.</summary>
    private static byte[] Field(RlpItem item, string field, int maxLength, ref string? error)
    {
        if (item.IsList) error ??= $"{field}: expected a value, got a list";
        else if (item.Bytes.Length > maxLength) error ??= $"{field}: at most {maxLength} bytes allowed, got {item.Bytes.Length}";
        else if (maxLength == 32 && item.Bytes.Length > 0 && item.Bytes[0] == 0) error ??= $"{field}: non-canonical integer with a leading zero byte";
        else return item.Bytes.ToArray();
        return [];
    }

    private static BigInteger Integer(RlpFieldReader m, string field)
    {
        var bytes = m.Bytes(field, maxLength: 32);
        if (bytes is [0, ..]) m.Reject($"{field}: non-canonical integer with a leading zero byte");
        return Unsigned(bytes);
    }

    /// <summary>Writes an item back as RLP (canonical input gives the same bytes: the signing hash covers the message as sent).</summary>
    private static void Write(RlpWriter w, RlpItem item)
    {
        if (!item.IsList)
        {
            w.Bytes(item.Bytes);
            return;
        }
        w.StartList();
        foreach (var child in item.Items) Write(w, child);
        w.EndList();
    }

    private static BigInteger Unsigned(byte[] bytes) => new(bytes, isUnsigned: true, isBigEndian: true);

    private static Decoded<HarmonyStakingTransaction> Fail(string reason) => Decoded.Failure<HarmonyStakingTransaction>(reason);
}
