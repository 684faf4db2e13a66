using HarmonySim.Simulation.Transfers;
using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Consensus;
using HarmonySim.Protocol.Sharding;
using HarmonySim.Protocol.Sharding.Crosslinks;
using HarmonySim.Protocol.Sharding.Randomness;
using HarmonySim.Protocol.Staking;
using HarmonySim.Protocol.Staking.Beacon;
using HarmonySim.Protocol.Staking.Slashing;
using HarmonySim.Protocol.Staking.Transactions;

namespace HarmonySim.Simulation.Staking;

/// <summary>
/// A beacon leader's proposal: the scripted staking transactions submitted by now that apply (in order, each
/// sender's next nonce), the oldest crosslinks newer than each shard's last (at most 16), and double-sign records
/// that verify, of offenders not yet banned; then the state transition, whose election gives an epoch's last
/// block its shard state. The parent is the node's own head, whose state it applies first (a memo hit, normally).
/// In a run with transfers it also includes the beacon's transfers (as plain transactions, ahead of the staking ones
/// in the transaction root) and incoming receipt proofs (<see cref="TransferProduction"/>).
/// </summary>
/// <remarks>
/// In a testnet it then takes the outside staking transactions waiting in <paramref name="outside"/>, in arrival
/// order, that apply: each spends its deposit and its nonce on the beacon's transfer ledger after the block's
/// transfers (<see cref="Protocol.State.ShardLedger.Deposit"/>), so the header's ledger root covers the debit.
/// </remarks>
public sealed class BeaconBlockBuilder(StakingWorld world, BeaconMempool pool, ulong genesisUnixTime, Func<Block> head, TransferProduction? transfers = null,
    Testnet.OutsideStakingPool? outside = null) : IBlockBuilder
{
    public Block? Build(ProposalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var parentBlock = head();
        if (parentBlock.Hash != context.ParentHash) throw new InvalidOperationException("a proposal must extend the node's head");
        if (world.Apply(parentBlock).State is not { } parent) throw new InvalidOperationException($"the state after {parentBlock} is unknown");
        var part = transfers?.Propose(context);
        if (transfers is not null && part is null) return null;
        IReadOnlyList<byte[]> plain = part?.Transactions ?? [];
        var rules = world.Rules;
        var committees = world.CommitteesOf(parent);
        var elapsed = TimeSpan.FromSeconds(context.Time - genesisUnixTime);

        var staking = parent.Staking;
        var transactions = new List<SignedStakingTransaction>();
        var blocked = new HashSet<Protocol.Chain.Address>();
        foreach (var (at, tx) in world.Transactions)
        {
            if (at > elapsed) break;
            var sender = tx.Message.Sender;
            if (blocked.Contains(sender) || tx.Nonce < staking.AccountOf(sender).Nonce) continue;
            var result = StakingTransactionProcessor.ApplySigned(staking, tx, context.Epoch, rules.Staking);
            // A transaction that does not apply holds back the sender's later ones (their nonces follow it).
            if (!result.Accepted) { blocked.Add(sender); continue; }
            staking = result.State!;
            transactions.Add(tx);
        }
        if (outside is not null && part is not null && outside.Pending.Count > 0)
        {
            var ledger = part.State.Ledger;
            foreach (var tx in outside.Pending)
            {
                var sender = tx.Message.Sender;
                if (blocked.Contains(sender) || tx.Nonce < ledger.AccountOf(sender).Nonce) continue;
                // One that does not apply holds back the sender's later ones, as above.
                if (Testnet.OutsideStakingPool.TryApply(ref ledger, ref staking, tx, context.Epoch, rules.Staking)) transactions.Add(tx);
                else blocked.Add(sender);
            }
            part = part with { State = part.State with { Ledger = ledger } };
        }

        var crosslinks = new List<Crosslink>();
        foreach (var shard in pool.Crosslinks.GroupBy(l => l.ShardId).OrderBy(g => g.Key))
        {
            var last = parent.LastCrosslink.GetValueOrDefault(shard.Key);
            foreach (var link in shard.Where(l => l.BlockNumber > last).OrderBy(l => l.BlockNumber))
            {
                if (crosslinks.Count == BeaconBody.MaxCrosslinks) break;
                if (link.Epoch != rules.EpochOf(link.BlockNumber) || CrosslinkVerifier.Verify(link, committees) is not null) continue;
                crosslinks.Add(link);
            }
        }

        var slashes = new List<SlashRecord>();
        var offenders = new HashSet<Protocol.Chain.Address>();
        foreach (var record in pool.Slashes)
        {
            var committee = committees.KnownCommittee(record.Evidence.First.ShardId, rules.EpochOf(record.Evidence.BlockNumber));
            if (committee is null) continue;
            var verdict = DoubleSignVerifier.Verify(record.Evidence, committee, record.Reporter, context.Epoch,
                owner => parent.Staking.ValidatorAt(owner)?.Status ?? ValidatorStatus.Inactive);
            if (verdict.IsAccepted && offenders.Add(verdict.Offender)) slashes.Add(record);
        }

        var randomness = Contributions(parent, context.Epoch, committees);
        var body = new BeaconBody(transactions, crosslinks, slashes, randomness, part?.Incoming);
        var draft = EmptyBlockBuilder.Header(context, body.TransactionsRoot(plain, rules.Staking.ChainId), body.EncodeCrosslinks(), body.EncodeSlashes(), [],
            body.EncodeContributions());
        var outcome = BeaconTransition.Apply(parent, draft, body, rules, committees);
        if (outcome.Error is not null) throw new InvalidOperationException($"beacon proposal at {context.Number} does not apply: {outcome.Error}");
        var header = EmptyBlockBuilder.Header(context, draft.TxHash, draft.CrossLinks, draft.Slashes, outcome.NextCommittees?.Encode() ?? [],
            draft.Vrf, outcome.ExpectedVdf);
        if (part is not null) header = part.Seal(header);
        var block = new Block(header, plain, body);
        world.Remember(block, outcome);
        if (part is not null) transfers!.Remember(block, part);
        return block;
    }

    /// <summary>Contributions to this epoch's randomness not yet on the chain, from committee keys, with proofs that verify.</summary>
    private List<RandomnessContribution> Contributions(BeaconState parent, ulong epoch, ICommitteeProvider committees)
    {
        if (world.Rules.Policy.Kind != ReshardingPolicyKind.Randomness || pool.Randomness.Count == 0) return [];
        var committee = committees.CommitteeFor(0, epoch);
        var vrf = EpochVrf.For(committee.Scheme);
        var alpha = RandomnessRound.Alpha(epoch, parent.RandomnessSeed);
        var seen = parent.EpochContributions.Select(c => c.Key).ToHashSet();
        return [.. pool.Randomness.Where(c => committee.IndexOf(c.Key) >= 0 && seen.Add(c.Key) && vrf.TryVerify(c.Key, alpha, c.Proof, out _))];
    }
}
