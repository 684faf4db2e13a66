using HarmonySim.Protocol.Consensus.Messages;
using HarmonySim.Protocol.Crypto;
using HarmonySim.Simulation.Network;

namespace HarmonySim.Simulation.Validators;

/// <summary>
/// A leader receiving several votes at one instant checks them as a batch (one per payload) before the node checks
/// them one by one from the memo. A PREPARE's payload is taken in its block's own view (the hash alone) and a COMMIT's
/// with the vote's view, which is the block's own view except for a block carried through a view change; votes on
/// those few carried blocks are then checked singly. Answers are the same
/// either way: the memo holds the batch's verdict for each signature.
/// </summary>
public static class VoteBatch
{
    public static void Prime(List<ShardEvent> events, SharedVerificationScheme memo)
    {
        List<Vote>? votes = null;
        foreach (var e in events)
            if (e is Delivery { Message: Vote { Senders.Count: 1 } vote }) (votes ??= []).Add(vote);
        if (votes is not { Count: >= 2 }) return;
        foreach (var group in votes.GroupBy(v => (v.Type, v.BlockNumber, v.BlockHash, v.ViewId)))
        {
            var payload = group.Key.Type == MessageType.Prepare
                ? SigningPayloads.Prepare(group.Key.BlockHash)
                : SigningPayloads.Commit(group.Key.BlockNumber, group.Key.BlockHash, group.Key.ViewId);
            var list = group.ToList();
            memo.PrimeBatch([.. list.Select(v => v.Senders[0])], payload, [.. list.Select(v => v.Signature)]);
        }
    }
}
