using System.Globalization;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;
using HarmonySim.Grains.Interfaces.Runs;
using HarmonySim.Simulation.Plans;

namespace HarmonySim.Silo.Testnet.Rpc;

/// <summary>
/// <c>hmy_faucet</c> (also <c>hmyv2_faucet</c>): params [address, amount?]. Pays the address on the endpoint's shard
/// from the faucet's account, the config's default amount or the one asked (atto-ONE, 0x hex or decimal, at most the
/// config's cap), as a signed transfer through the same input path as <c>hmy_sendRawTransaction</c>: it waits for
/// the next step, the pool takes it and it is journaled. The answer is the transaction's hash. Not a Harmony node
/// method (Harmony's faucets are web pages); the name follows its hmy_ family.
/// </summary>
public sealed class FaucetRpc(IGrainFactory grains, RunPlan plan, TestnetInput input, TestnetFaucet faucet, TimeSpan? answerTimeout = null)
{
    public static readonly string[] Methods = ["hmy_faucet", "hmyv2_faucet"];

    /// <summary>Adds the faucet's methods to <paramref name="rpc"/> when the plan has a faucet.</summary>
    public static void Register(TestnetRpc rpc, IGrainFactory grains, RunPlan plan, TestnetInput input)
    {
        ArgumentNullException.ThrowIfNull(rpc);
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.Testnet?.Faucet is null) return;
        var faucet = new FaucetRpc(grains, plan, input, new TestnetFaucet(plan));
        foreach (var method in Methods) rpc.Register(method, faucet.Pay);
    }

    public async Task<JsonNode?> Pay(RpcCall c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var to = c.Params.Address(0);
        var amount = faucet.DefaultAmount;
        if (c.Params.At(1) is { } given && given.ValueKind != JsonValueKind.Null)
        {
            amount = RpcParams.BigQuantity(given, "argument 1 (amount)");
            if (amount <= 0 || amount > faucet.MaxAmount)
                throw RpcErrors.Params($"argument 1 (amount): must be more than 0 and at most {faucet.MaxAmount.ToString(CultureInfo.InvariantCulture)} atto-ONE ({faucet.Plan.MaxAmount.ToString(CultureInfo.InvariantCulture)} ONE), got {amount.ToString(CultureInfo.InvariantCulture)}");
        }
        if (to == faucet.Address) throw RpcErrors.Params("argument 0 (address): that is the faucet's own address");
        if (faucet.Reserve(to) is { } wait) throw new RpcException(RpcErrors.LimitExceeded, wait);
        var paid = false;
        try
        {
            var account = await grains.GetGrain<IShardNetworkGrain>($"{plan.RunId}/{c.Shard}").Account(faucet.Address);
            if (BigInteger.Parse(account.Balance, CultureInfo.InvariantCulture) < amount)
                throw new RpcException(RpcErrors.ServerError, $"the faucet is empty on shard {c.Shard}");
            var tx = faucet.Pay(c.Shard, to, amount, account.PendingNonce);
            var pending = input.Offer(c.Shard, tx.Encode()) ?? throw new RpcException(RpcErrors.LimitExceeded, "too many transactions are waiting for the next block; try again shortly");
            string? answer;
            try
            {
                answer = await pending.Answer.Task.WaitAsync(answerTimeout ?? TimeSpan.FromSeconds(30));
            }
            catch (TimeoutException)
            {
                paid = true; // offered and perhaps paid at the next step: the address keeps its reservation
                throw;
            }
            if (answer is not null)
            {
                faucet.Forget(c.Shard);
                throw new RpcException(RpcErrors.ServerError, $"the faucet's transfer was rejected: {answer}");
            }
            paid = true;
            return JsonValue.Create(tx.Hash.ToString());
        }
        finally
        {
            // A payment that was not made gives the address its turn back (a timeout may still be paid: keep it).
            if (!paid) faucet.Release(to);
        }
    }
}
