using HarmonySim.Protocol.Staking.Beacon;
using HarmonySim.Protocol.Staking.Transactions;

namespace HarmonySim.Silo.Tests.Runs;

/// <summary>A beacon body holding a wallet's staking transaction crosses silos with the wallet's own bytes, so its transaction root is unchanged.</summary>
[TestClass]
public sealed class OutsideStakingCopyTests
{
    // @harmony-js/staking 0.1.58: Delegate of 100 ONE, nonce 3, chain id 2.
    private static readonly byte[] SdkDelegate = Convert.FromHexString("f88302f494f39fd6e51aad88f6f4ce6ab8827279cfffb922669475aee99adca11b3a0ab569c550b676b338cc4d0689056bc75e2d631000000385174876e8008261a828a0bfb3657de9304e4504c857f03bb1d9498add3454a41156d6a0eb3a7241a88593a029a110fb63e32181312f98d54f655fc813d2a7fbe39bedca6ca5a7b534afb33c");

    [TestMethod]
    public void A_wallets_staking_transaction_survives_an_orleans_round_trip_with_its_bytes()
    {
        var tx = SignedStakingTransaction.FromHarmony(HarmonyStakingEncoding.Decode(SdkDelegate).Value!, SdkDelegate);
        var body = new BeaconBody([tx], [], []);
        var copy = OrleansCopy.Of(body);
        CollectionAssert.AreEqual(SdkDelegate, copy.Staking.Single().Harmony);
        Assert.AreEqual(tx.Message, copy.Staking.Single().Message);
        Assert.AreEqual(tx.Nonce, copy.Staking.Single().Nonce);
        Assert.AreEqual(body.TransactionsRoot([], 2), copy.TransactionsRoot([], 2));
    }
}
