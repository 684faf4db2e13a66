using System.Numerics;
using CsCheck;
using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Chain.Receipts;
using HarmonySim.Protocol.Chain.Transactions;
using HarmonySim.Protocol.Crypto;
using HarmonySim.Protocol.Crypto.Accounts;
using static HarmonySim.Protocol.Tests.CrossShard.CrossShardNetwork;

namespace HarmonySim.Protocol.Tests.CrossShard;

/// <summary>Transfers and receipts encode canonically, decode back exactly, and untrusted bytes never make decoding throw.</summary>
[TestClass]
public sealed class CrossShardEncodingTests
{
    private static readonly Gen<BigInteger> Amount = Gen.OneOf(
        Gen.Long.Select(l => (BigInteger)l),
        Gen.Byte.Array[0, 32].Select(b => new BigInteger(b, isUnsigned: false, isBigEndian: true)));

    [TestMethod]
    public void A_signed_transfer_round_trips_with_its_hash_and_sender()
    {
        var tx = Transfer(0, 1, 1, 3, BigInteger.Parse("123456789012345678901234567890"), 42);
        var bytes = tx.Encode();
        var decoded = SignedTransfer.Decode(bytes);
        Assert.IsTrue(decoded.Ok, decoded.Error);
        var back = decoded.Value!;
        Assert.AreEqual(tx.Message, back.Message);
        Assert.AreEqual(ChainId, back.ChainId);
        Assert.AreEqual(tx.Hash, back.Hash);
        Assert.AreEqual(Keccak256.Hash(bytes), tx.Hash);
        CollectionAssert.AreEqual(bytes, back.Encode());
        Assert.AreEqual(Addr(0), back.RecoverSender());
    }

    [TestMethod]
    public void Random_transfers_and_receipts_round_trip_byte_for_byte()
    {
        Gen.Select(Gen.Byte.Array[Address.Size], Gen.Byte.Array[Address.Size], Gen.UInt, Gen.UInt, Amount, Gen.ULong, Gen.Byte.Array[Hash32.Size], Gen.Select(Amount, Gen.ULong))
            .Sample((from, to, shard, toShard, amount, nonce, hash, gas) =>
            {
                var receipt = new CXReceipt(new Hash32(hash), new Address(from), new Address(to), shard, toShard, amount);
                var r = CXReceipt.Decode(receipt.Encode());
                Assert.IsTrue(r.Ok, r.Error);
                Assert.AreEqual(receipt, r.Value);

                // The signature is fixed (signing is slow); decoding does not check who signed.
                var signed = new SignedTransfer(new Transfer(new Address(from), new Address(to), shard, toShard, amount, nonce) { GasPrice = gas.Item1, GasLimit = gas.Item2 }, nonce % 1000, Fixed.Signature);
                var t = SignedTransfer.Decode(signed.Encode());
                Assert.IsTrue(t.Ok, t.Error);
                Assert.AreEqual(signed.Message, t.Value!.Message);
                Assert.AreEqual(signed.ChainId, t.Value.ChainId);
                CollectionAssert.AreEqual(signed.Encode(), t.Value.Encode());
            }, iter: 300);
    }

    [TestMethod]
    public void Decoding_arbitrary_bytes_never_throws_and_accepts_only_canonical_encodings()
    {
        Gen.Byte.Array[0, 300].Sample(bytes =>
        {
            if (SignedTransfer.Decode(bytes) is { Ok: true, Value: { } t }) CollectionAssert.AreEqual(bytes, t.Encode());
            if (CXReceipt.Decode(bytes) is { Ok: true, Value: { } r }) CollectionAssert.AreEqual(bytes, r.Encode());
            if (RlpReader.TryDecode(bytes, out _, out var error)) Assert.IsNull(error);
            else Assert.IsNotNull(error);
        }, iter: 3000);
    }

    [TestMethod]
    public void Decoding_mutated_valid_encodings_never_throws_and_accepts_only_canonical_encodings()
    {
        var transfer = Fixed.Encode();
        var receipt = Receipt(0, 1, 0, 1, 1000).Encode();
        Gen.Select(Gen.Int[0, 1], Gen.Int[0, 1000], Gen.Byte, Gen.Int[0, 3]).Sample((which, at, value, how) =>
        {
            var original = which == 0 ? transfer : receipt;
            var i = at % original.Length;
            var bytes = how switch
            {
                0 => [.. original[..i], value, .. original[(i + 1)..]], // overwrite a byte
                1 => original[..i],                                       // truncate
                2 => [.. original[..i], value, .. original[i..]],       // insert a byte
                _ => [.. original[..i], .. original[(i + 1)..]],        // delete a byte
            };
            if (SignedTransfer.Decode(bytes) is { Ok: true, Value: { } t }) CollectionAssert.AreEqual(bytes, t.Encode());
            if (CXReceipt.Decode(bytes) is { Ok: true, Value: { } r }) CollectionAssert.AreEqual(bytes, r.Encode());
        }, iter: 3000);
    }

    [TestMethod]
    public void Malformed_transfers_are_refused_with_the_field_at_fault()
    {
        var good = Fixed.Encode();
        StringAssert.Contains(SignedTransfer.Decode(Array.Empty<byte>()).Error, "transfer:");
        StringAssert.Contains(SignedTransfer.Decode(good.Append((byte)0).ToArray()).Error, "trailing");
        StringAssert.Contains(SignedTransfer.Decode(good.AsMemory(0, good.Length - 1)).Error, "past the end");
        StringAssert.Contains(SignedTransfer.Decode(new byte[] { 0x81, 0x05 }).Error, "non-canonical");
        StringAssert.Contains(SignedTransfer.Decode(new byte[] { 0xb8, 0x01, 0x80 }).Error, "short form");
        StringAssert.Contains(SignedTransfer.Decode(new byte[] { 0x05 }).Error, "expected an RLP list");

        StringAssert.Contains(Reencode(f => f[0] = Str("HarmonySim.Staking")).Error, "transfer.tag");
        StringAssert.Contains(Reencode(f => f[1] = [0x82, 0x00, 0x05]).Error, "transfer.nonce: non-canonical");
        StringAssert.Contains(Reencode(f => f[2] = Str(new byte[] { 0, 5 })).Error, "transfer.gasPrice: non-canonical");
        StringAssert.Contains(Reencode(f => f[3] = Str(new byte[9])).Error, "transfer.gasLimit");
        StringAssert.Contains(Reencode(f => f[4] = Str(new byte[19])).Error, "transfer.from: expected 20 bytes");
        StringAssert.Contains(Reencode(f => f[6] = Str(new byte[] { 1, 0, 0, 0, 0 })).Error, "transfer.shardId");
        StringAssert.Contains(Reencode(f => f[8] = Str(new byte[] { 0, 5 })).Error, "transfer.amount: non-canonical");
        StringAssert.Contains(Reencode(f => f[9] = [28]).Error, "transfer.v");
        StringAssert.Contains(Reencode(f => f[11] = Str(Enumerable.Repeat((byte)0xff, 32).ToArray())).Error, "high s");
        StringAssert.Contains(Reencode(f => f.Add([0x80])).Error, "extra");
        StringAssert.Contains(Reencode(f => f.RemoveAt(11)).Error, "transfer.s: missing");
        StringAssert.Contains(Reencode(f => f[5] = [0xc0]).Error, "transfer.to: expected a string");
    }

    [TestMethod]
    public void Malformed_receipts_are_refused_with_the_field_at_fault()
    {
        var r = Receipt(0, 1, 0, 1, 1000);
        Assert.IsTrue(CXReceipt.Decode(r.Encode()).Ok);
        StringAssert.Contains(CXReceipt.Decode(r.Encode().AsMemory(0, r.Encode().Length - 2)).Error, "receipt:");
        var wrongHash = new RlpWriter().StartList().Bytes(new byte[31]).EndList().ToArray();
        StringAssert.Contains(CXReceipt.Decode(wrongHash).Error, "receipt.txHash: expected 32 bytes");
        var tooFew = new RlpWriter().StartList().Bytes(new byte[32]).Bytes(new byte[20]).EndList().ToArray();
        StringAssert.Contains(CXReceipt.Decode(tooFew).Error, "receipt.to: missing");
    }

    [TestMethod]
    public void Amounts_encode_as_minimal_twos_complement_so_a_negative_amount_stays_distinct()
    {
        CollectionAssert.AreEqual(Array.Empty<byte>(), RlpValues.SignedInteger(0));
        CollectionAssert.AreEqual(new byte[] { 0x03, 0xe8 }, RlpValues.SignedInteger(1000));
        CollectionAssert.AreEqual(new byte[] { 0x00, 0x80 }, RlpValues.SignedInteger(128));
        CollectionAssert.AreEqual(new byte[] { 0xff }, RlpValues.SignedInteger(-1));
        Assert.AreEqual(new BigInteger(-5), CXReceipt.Decode(Receipt(0, 1, 0, 1, -5).Encode()).Value!.Amount);
    }

    [TestMethod]
    public void The_signature_binds_the_chain_id()
    {
        var tx = Transfer(0, 1, 0, 0, 10, 0, chainId: 1);
        Assert.AreEqual(Addr(0), tx.RecoverSender());
        var replayed = new SignedTransfer(tx.Message, 2, tx.Signature);
        Assert.AreNotEqual(Addr(0), replayed.RecoverSender());
        Assert.AreNotEqual(tx.Hash, replayed.Hash);
    }

    private static readonly SignedTransfer Fixed = Transfer(2, 3, 0, 1, 1000, 7);

    // Decodes the fixed transfer's fields, edits them as raw RLP items, and decodes the re-assembled list.
    private static Decoded<SignedTransfer> Reencode(Action<List<byte[]>> edit)
    {
        Assert.IsTrue(RlpReader.TryDecode(Fixed.Encode(), out var item, out _));
        var fields = item!.Items.Select(i => Str(i.Bytes.ToArray())).ToList();
        edit(fields);
        var payload = fields.SelectMany(f => f).ToArray();
        byte[] prefix = payload.Length < 56 ? [(byte)(0xc0 + payload.Length)] : payload.Length < 256 ? [0xf8, (byte)payload.Length] : [0xf9, (byte)(payload.Length >> 8), (byte)payload.Length];
        return SignedTransfer.Decode((byte[])[.. prefix, .. payload]);
    }

    private static byte[] Str(string s) => Str(System.Text.Encoding.ASCII.GetBytes(s));

    private static byte[] Str(byte[] b) => new RlpWriter().Bytes(b).ToArray();
}
