// The Harmony JS SDK (@harmony-js/core) against a HarmonySim testnet: a transfer of 2 ONE from shard 0 to TO_SHARD, confirmed
// (for a cross-shard one, until the destination credits it), with the balances on both sides.
// node harmony-transfer.cjs RPC_URL PRIVATE_KEY TO_ADDRESS TO_SHARD (prints one JSON line; exits 1 on a failed check)
const { Harmony } = require("@harmony-js/core");
const { ChainType, Unit, hexToNumber } = require("@harmony-js/utils");
(async () => {
  const [url, key, to, toShard] = process.argv.slice(2);
  const hmy = new Harmony(url, { chainType: ChainType.Harmony, chainId: 2, shardID: 0 });
  const account = hmy.wallet.addByPrivateKey(key);
  const structure = await hmy.blockchain.getShardingStructure();
  hmy.shardingStructures(structure.result);
  const toBefore = await hmy.blockchain.getBalance({ address: to, shardID: Number(toShard) });
  const before = await hmy.blockchain.getBalance({ address: account.address, shardID: 0 });
  const txn = hmy.transactions.newTx({ to, value: new Unit("2").asOne().toWei(), gasLimit: "21000", shardID: 0, toShardID: Number(toShard),
    gasPrice: new Unit("100").asGwei().toWei() });
  const signed = await hmy.wallet.signTransaction(txn);
  const [sent, hash] = await signed.sendTransaction();
  const confirmed = await sent.confirm(hash, 60, 1000);
  const after = await hmy.blockchain.getBalance({ address: account.address, shardID: 0 });
  const toAfter = await hmy.blockchain.getBalance({ address: to, shardID: Number(toShard) });
  console.log(JSON.stringify({ hash, confirmed: confirmed.isConfirmed(), cx: confirmed.isCrossShard(), txStatus: confirmed.txStatus,
    before: hexToNumber(before.result), after: hexToNumber(after.result), toBefore: hexToNumber(toBefore.result), toAfter: hexToNumber(toAfter.result) }));
  if (!confirmed.isConfirmed()) throw new Error("not confirmed: " + confirmed.txStatus);
  if (BigInt(hexToNumber(toAfter.result)) - BigInt(hexToNumber(toBefore.result)) !== 2000000000000000000n) throw new Error("recipient not credited 2 ONE on shard " + toShard);
})().catch(e => { console.error(e.stack || e.message || e); process.exit(1); });
