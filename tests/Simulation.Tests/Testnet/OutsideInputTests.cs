using System.Numerics;
using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Chain.Transactions;
using HarmonySim.Protocol.Crypto.Accounts;
using HarmonySim.Simulation.Plans;
using HarmonySim.Simulation.Runs;
using HarmonySim.Simulation.Tests.Builders;

namespace HarmonySim.Simulation.Tests.Testnet;

/// <summary>
/// A testnet's outside input in the kernel: a wallet's transaction submitted to a shard at a virtual time enters a
/// block, moves the balances and is found by its hashes; the same submissions at the same times give the same run
/// (the journal's replay), and a refused one changes nothing.
/// </summary>
[TestClass]
public sealed class OutsideInputTests
{
    private static readonly AccountKey Sender = AccountKey.FromSecret(Enumerable.Repeat((byte)7, 32).ToArray());
    private static readonly Address Recipient = new(Enumerable.Repeat((byte)9, 20).ToArray());

    private static RunPlan Plan() => new PlanBuilder().WithShards(2).WithDuration(30).Build() with
    {
        Testnet = new TestnetPlan([new GenesisGrantPlan("0x" + Convert.ToHexStringLower(Sender.Address), 0, 100m)]),
    };

    private static byte[] Transfer(ulong nonce, ulong chainId = 1_666_700_000) =>
        SignedTransfer.Sign(new Transfer(new Address(Sender.Address), Recipient, 0, 0, BigInteger.Pow(10, 18), nonce) { GasPrice = 100_000_000_000 },
            Sender, chainId, TransactionFormat.Ethereum).Encode();

    /// <summary>Runs the plan, submitting <paramref name="submissions"/> to shard 0 at their times; returns the run and each answer.</summary>
    private static (LocalRun Run, IReadOnlyList<string?> Answers) Run(params (double At, byte[] Tx)[] submissions)
    {
        var run = new LocalRun(Plan());
        var answers = new List<string?>();
        foreach (var (at, tx) in submissions)
        {
            run.AdvanceTo(TimeSpan.FromSeconds(at));
            answers.AddRange(run.Networks[0].Outside!.Submit(run.Networks[0].Now, [tx]));
        }
        run.AdvanceTo(TimeSpan.FromSeconds(30));
        return (run, answers);
    }

    [TestMethod]
    public void A_submitted_wallet_transfer_is_committed_and_moves_the_balances()
    {
        var (run, answers) = Run((5, Transfer(0)), (5, Transfer(1)));
        using var _ = run;
        CollectionAssert.AreEqual(new string?[] { null, null }, answers.ToArray());
        var outside = run.Networks[0].Outside!;
        Assert.AreEqual((BigInteger.Pow(10, 18) * 2).ToString(), outside.Account(Recipient).Balance);
        Assert.AreEqual(2UL, outside.Account(new Address(Sender.Address)).Nonce);
        var hash = SignedTransfer.Decode(Transfer(0)).Value!.Hash.ToString();
        var found = outside.Chain.Transaction(hash);
        Assert.IsNotNull(found);
        Assert.IsNotNull(found.OtherHash, "an Ethereum transaction is also filed under its Harmony-form hash");
        Assert.AreSame(found, outside.Chain.Transaction(found.OtherHash));
        CollectionAssert.Contains(outside.Chain.Block(found.BlockNumber)!.Transactions.ToList(), hash);
        Assert.IsTrue(run.Recorded(0).Events.Any(e => e.Kind == "outside_transaction"), "accepted input is in the event log");
    }

    [TestMethod]
    public void The_same_submissions_at_the_same_times_replay_to_the_same_run_and_another_time_does_not()
    {
        using var first = Run((5, Transfer(0))).Run;
        using var replay = Run((5, Transfer(0))).Run;
        using var later = Run((9, Transfer(0))).Run;
        CollectionAssert.AreEqual(RunFingerprint.Of(first).ToList(), RunFingerprint.Of(replay).ToList());
        CollectionAssert.AreNotEqual(RunFingerprint.Of(first).ToList(), RunFingerprint.Of(later).ToList());
    }

    [TestMethod]
    [DataRow(5UL, 1_666_700_000UL, "nonce_gap")]
    [DataRow(0UL, 1_666_600_000UL, "wrong_chain_id")]
    public void A_refused_submission_changes_nothing(ulong nonce, ulong chainId, string reason)
    {
        using var quiet = new LocalRun(Plan());
        quiet.AdvanceTo(TimeSpan.FromSeconds(30));
        var (refused, answers) = Run((5, Transfer(nonce, chainId)));
        using var _ = refused;
        Assert.AreEqual(reason, answers[0]);
        CollectionAssert.AreEqual(RunFingerprint.Of(quiet).ToList(), RunFingerprint.Of(refused).ToList());
    }
}
