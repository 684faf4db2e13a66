using System.Numerics;
using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Crypto;

namespace HarmonySim.Protocol.Staking;

/// <summary>
/// One validator as the election sees it (reference §4.3): its address, status, slot BLS keys in their
/// registered order, total stake (self-delegation plus all delegations, in atto-ONE), and — when it sits in the
/// current committee — its signing counters for the current epoch (counters now minus the epoch-start snapshot).
/// </summary>
public sealed record ValidatorCandidate(
    Address Address,
    ValidatorStatus Status,
    IReadOnlyList<PublicKey> SlotKeys,
    BigInteger TotalStake,
    bool InCurrentCommittee = false,
    ulong BlocksSigned = 0,
    ulong BlocksToSign = 0);
