namespace HarmonySim.Protocol.Consensus.Quorum;

/// <summary>How a committee decides that enough of it has signed.</summary>
public enum QuorumMode
{
    /// <summary>Pre-staking: one key, one vote; quorum is at least ⌊2n/3⌋ + 1 signers.</summary>
    ByCount,

    /// <summary>Staking era: quorum is summed voting power strictly above 2/3.</summary>
    ByVotingPower,
}
