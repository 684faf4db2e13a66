using System.Numerics;
using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Chain.Transactions;
using HarmonySim.Protocol.Crypto.Accounts;

namespace HarmonySim.Protocol.Tests.Chain;

[TestClass]
public sealed class WalletTransactionEncodingTests
{
    private static readonly AccountKey Eip155Key = AccountKey.FromSecret(Convert.FromHexString("4646464646464646464646464646464646464646464646464646464646464646"));
    private static readonly Address Eip155To = new(Convert.FromHexString("3535353535353535353535353535353535353535"));

    // EIP-155's worked example (eips.ethereum.org/EIPS/eip-155, "Example"): nonce 9, gas price 20 gwei, gas 21000,
    // to 0x3535…35, value 1 ether, no data, chain id 1, key 0x4646…46.
    private static Transfer Eip155Message => new(new Address(Eip155Key.Address), Eip155To, 0, 0, BigInteger.Parse("1000000000000000000"), 9)
    {
        GasPrice = 20_000_000_000, GasLimit = 21_000,
    };

    [TestMethod]
    public void Ethereum_signing_hash_and_signed_bytes_match_the_EIP_155_example()
    {
        Assert.AreEqual("daf5a779ae972f972197303d7b574746c7ef83eadac0f2791ad23db92e4c8e53",
            Convert.ToHexStringLower(WalletTransactionEncoding.SigningHash(Eip155Message, TransactionFormat.Ethereum, 1).ToArray()));
        var signed = SignedTransfer.Sign(Eip155Message, Eip155Key, 1, TransactionFormat.Ethereum);
        Assert.AreEqual("f86c098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a76400008025a028ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa636276a067cbe9d8997f761aecb703304b3800ccf555c9f3dc64214b297fb1966a3b6d83",
            Convert.ToHexStringLower(signed.Encode()));
    }

    [TestMethod]
    public void Ethereum_chain_id_1_is_refused_because_it_names_no_Harmony_shard()
    {
        var bytes = SignedTransfer.Sign(Eip155Message, Eip155Key, 1, TransactionFormat.Ethereum).Encode();
        var decoded = SignedTransfer.Decode(bytes);
        Assert.IsFalse(decoded.Ok);
        StringAssert.Contains(decoded.Error, "chain id 1 is not a Harmony Ethereum-compatible chain id");
    }

    [TestMethod]
    [DataRow(TransactionFormat.Ethereum, 1_666_700_001UL, 1U, 1U)]
    [DataRow(TransactionFormat.Harmony, 2UL, 0U, 1U)]
    [DataRow(TransactionFormat.Harmony, 2UL, 1U, 1U)]
    public void Wallet_transactions_decode_to_the_signer_and_their_fields_and_reencode_to_the_same_bytes(TransactionFormat format, ulong chainId, uint shard, uint toShard)
    {
        var message = Eip155Message with { ShardId = shard, ToShardId = toShard };
        var bytes = SignedTransfer.Sign(message, Eip155Key, chainId, format).Encode();
        var decoded = SignedTransfer.Decode(bytes);
        Assert.IsTrue(decoded.Ok, decoded.Error);
        var tx = decoded.Value!;
        Assert.AreEqual(format, tx.Format);
        Assert.AreEqual(chainId, tx.ChainId);
        Assert.AreEqual(message, tx.Message);
        Assert.AreEqual(tx.Message.From, tx.RecoverSender());
        CollectionAssert.AreEqual(bytes, tx.Encode());
    }

    [TestMethod]
    public void Ethereum_ids_follow_the_Harmony_network_and_name_the_shard()
    {
        Assert.AreEqual(1_666_600_000UL, EthChainId.Of(1, 0));
        Assert.AreEqual(1_666_700_003UL, EthChainId.Of(2, 3));
        Assert.AreEqual(3U, EthChainId.ShardOf(1_666_700_003));
        Assert.IsNull(EthChainId.ShardOf(1));
    }

    [TestMethod]
    [DataRow("c0", "transaction: expected a list of 9 fields (Ethereum), 11 (Harmony) or 12 (HarmonySim), got 0")]
    [DataRow("c9808080808080808080", "ethereum transaction.to: contract creation")]
    [DataRow("", "transfer:")]
    public void Malformed_wallet_bytes_are_refused_with_the_field_named(string hex, string expected)
    {
        var decoded = SignedTransfer.Decode(Convert.FromHexString(hex));
        Assert.IsFalse(decoded.Ok);
        StringAssert.Contains(decoded.Error, expected);
    }

    [TestMethod]
    public void A_payload_is_refused_because_only_value_transfers_run()
    {
        // The EIP-155 example with one byte of data, re-signed for shard 0 of the testnet family.
        var w = new RlpWriter().StartList().UInt(9).UInt(20_000_000_000).UInt(21_000).Bytes(Eip155To).UInt(1).Bytes([1]);
        var hash = HarmonySim.Protocol.Crypto.Keccak256.Hash(w.UInt(1_666_700_000).UInt(0).UInt(0).EndList().WrittenSpan);
        var sig = Eip155Key.Sign(hash.ToArray());
        var bytes = new RlpWriter().StartList().UInt(9).UInt(20_000_000_000).UInt(21_000).Bytes(Eip155To).UInt(1).Bytes([1])
            .UInt(sig.Eip155V(1_666_700_000)).Bytes(sig.R).Bytes(sig.S).EndList().ToArray();
        var decoded = SignedTransfer.Decode(bytes);
        Assert.IsFalse(decoded.Ok);
        StringAssert.Contains(decoded.Error, "ethereum transaction.data: a payload is not supported");
    }
}
