using HarmonySim.Grains.Transfers;
using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Consensus;
using HarmonySim.Protocol.Sharding.Crosslinks;
using HarmonySim.Protocol.Staking;
using HarmonySim.Protocol.Staking.Beacon;
using HarmonySim.Protocol.Staking.Slashing;
using HarmonySim.Protocol.Staking.Transactions;

namespace HarmonySim.Grains.Staking;

/// <summary>
/// A beacon leader's proposal: the scripted staking transactions submitted by now that apply (in order, each
/// sender's next nonce), the oldest crosslinks newer than each shard's last (at most 16), and double-sign records
/// that verify, of offenders not yet banned; then the state transition, whose election gives an epoch's last
/// block its shard state. In a run with transfers it also includes the beacon's transfers (as plain transactions,
/// ahead of the staking ones in the transaction root) and incoming receipt proofs (<see cref="TransferProduction"/>).
/// </summary>
public sealed class BeaconBlockBuilder(StakingWorld world, BeaconMempool pool, ulong genesisUnixTime, TransferProduction? transfers = null) : IBlockBuilder
{
    public Block? Build(ProposalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (world.After(context.ParentHash)?.State is not { } parent) return null;
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

        var body = new BeaconBody(transactions, crosslinks, slashes, part?.Incoming);
        var draft = EmptyBlockBuilder.Header(context, body.TransactionsRoot(plain, rules.Staking.ChainId), body.EncodeCrosslinks(), body.EncodeSlashes(), []);
        var outcome = BeaconTransition.Apply(parent, draft, body, rules, committees);
        if (outcome.Error is not null) throw new InvalidOperationException($"beacon proposal at {context.Number} does not apply: {outcome.Error}");
        var header = EmptyBlockBuilder.Header(context, draft.TxHash, draft.CrossLinks, draft.Slashes, outcome.NextCommittees?.Encode() ?? []);
        if (part is not null) header = part.Seal(header);
        var block = new Block(header, plain, body);
        world.Remember(block.Hash, outcome);
        if (part is not null) transfers!.Remember(block, part);
        return block;
    }
}
