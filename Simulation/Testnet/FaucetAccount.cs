using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Crypto.Accounts;
using HarmonySim.Simulation.Runs;

namespace HarmonySim.Simulation.Testnet;

/// <summary>
/// The testnet faucet's account: a key named within the run (<see cref="RunSeeds.Account"/>, kind "faucet"), so the
/// config needs no secret and every start of the same config pays from the same address.
/// </summary>
public static class FaucetAccount
{
    public static AccountKey Key(ulong seed) => RunSeeds.Account(seed, "faucet", "testnet");

    public static Address Of(ulong seed) => new(Key(seed).Address);
}
