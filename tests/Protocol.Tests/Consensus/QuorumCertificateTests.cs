using HarmonySim.Protocol.Consensus;
using HarmonySim.Protocol.Consensus.Messages;
using HarmonySim.Protocol.Consensus.Quorum;
using HarmonySim.Protocol.Crypto;
using HarmonySim.Protocol.Tests.Builders;

namespace HarmonySim.Protocol.Tests.Consensus;

/// <summary>One check for every quorum certificate (PREPARED, COMMITTED, M3, parent seal, crosslink, receipt proof): bitmap, quorum, aggregate, in that order.</summary>
[TestClass]
public sealed class QuorumCertificateTests
{
    private static readonly byte[] Payload = SigningPayloads.ViewId(7);

    // Five slots over four keys: slot 4 repeats slot 0's key, so it never votes; quorum by count is 3 of 4.
    private readonly FbftFixture _f = new(4);

    private Committee WithDuplicate() =>
        new(0, 0, [.. Enumerable.Range(0, 5).Select(i => new CommitteeSlot(_f.Keys[i % 4].Public, FbftFixture.OwnerOf(i % 4)))], _f.Scheme);

    [TestMethod]
    [DataRow(5, new[] { 0, 1, 2 }, new[] { 0, 1, 2 }, CertificateCheck.Valid)]
    [DataRow(5, new[] { 0, 1, 2, 3 }, new[] { 0, 1, 2, 3 }, CertificateCheck.Valid)]
    [DataRow(5, new[] { 0, 1 }, new[] { 0, 1 }, CertificateCheck.NoQuorum)]
    [DataRow(5, new int[0], new[] { 0 }, CertificateCheck.NoQuorum)]
    [DataRow(5, new[] { 0, 1, 4 }, new[] { 0, 1, 0 }, CertificateCheck.BadBitmap)]
    [DataRow(5, new[] { 0, 1, 2, 4 }, new[] { 0, 1, 2 }, CertificateCheck.BadBitmap)]
    [DataRow(4, new[] { 0, 1, 2 }, new[] { 0, 1, 2 }, CertificateCheck.BadBitmap)]
    [DataRow(6, new[] { 0, 1, 2 }, new[] { 0, 1, 2 }, CertificateCheck.BadBitmap)]
    [DataRow(5, new[] { 0, 1, 3 }, new[] { 0, 1, 2 }, CertificateCheck.BadSignature)]
    [DataRow(5, new[] { 0, 1, 2 }, new[] { 0, 1 }, CertificateCheck.BadSignature)]
    public void Checks_the_bitmap_then_the_quorum_then_the_aggregate(int bitmapSize, int[] bitmap, int[] signedBy, CertificateCheck expected)
    {
        var certificate = new QuorumCertificate(WithDuplicate(), SignerBitmap.Of(bitmapSize, bitmap), Payload, _f.Aggregate(Payload, signedBy));
        Assert.AreEqual(expected, certificate.Check());
    }

    [TestMethod]
    public void An_aggregate_over_another_payload_does_not_verify()
    {
        var certificate = new QuorumCertificate(_f.Committee, _f.Bitmap(0, 1, 2), Payload, _f.Aggregate(SigningPayloads.ViewId(8), 0, 1, 2));
        Assert.AreEqual(CertificateCheck.BadSignature, certificate.Check());
    }

    // Slot 0 is the only Harmony-operated slot, holding 68 %; slots 1–3 share 32 % by stake 1 : 1 : 100.
    [TestMethod]
    [DataRow(new[] { 0 }, CertificateCheck.Valid)]
    [DataRow(new[] { 0, 3 }, CertificateCheck.Valid)]
    [DataRow(new[] { 1, 2, 3 }, CertificateCheck.NoQuorum)]
    [DataRow(new[] { 3 }, CertificateCheck.NoQuorum)]
    public void By_voting_power_the_quorum_is_more_than_two_thirds_of_power_not_of_signers(int[] signers, CertificateCheck expected)
    {
        var f = new FbftFixture(4, QuorumMode.ByVotingPower,
            slot: i => new CommitteeSlot(null!, FbftFixture.OwnerOf(i), i == 0 ? null : FbftFixture.Ones(i == 3 ? 100 : 1)));
        var certificate = new QuorumCertificate(f.Committee, f.Bitmap(signers), Payload, f.Aggregate(Payload, signers));
        Assert.AreEqual(expected, certificate.Check());
    }

    [TestMethod]
    [DataRow(CertificateCheck.Valid, true)]
    [DataRow(CertificateCheck.BadSignature, true)]
    [DataRow(CertificateCheck.BadBitmap, false)]
    [DataRow(CertificateCheck.NoQuorum, false)]
    public void Only_answers_past_the_bitmap_checks_reached_the_scheme(CertificateCheck check, bool verified) =>
        Assert.AreEqual(verified, check.VerifiedAggregate());
}
