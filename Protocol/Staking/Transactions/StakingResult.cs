using HarmonySim.Protocol.Staking.State;

namespace HarmonySim.Protocol.Staking.Transactions;

/// <summary>Why a staking transaction was refused: the message field at fault and a sentence saying what is wrong.</summary>
public sealed record Rejection(string Field, string Reason)
{
    public override string ToString() => $"{Field}: {Reason}";
}

/// <summary>The outcome of applying a staking transaction: the new state, or the rejection (the state is then unchanged).</summary>
public sealed record StakingResult(StakingState? State, Rejection? Rejection)
{
    public bool Accepted => Rejection is null;

    public static StakingResult Accept(StakingState state) => new(state, null);

    public static StakingResult Reject(string field, string reason) => new(null, new Rejection(field, reason));
}
