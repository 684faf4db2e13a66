// ethers v6 against a HarmonySim testnet: read balances, send a legacy EIP-155 transfer, wait for the receipt, check both sides.
// node ethers-transfer.cjs RPC_URL PRIVATE_KEY TO_ADDRESS (prints one JSON line; exits 1 on a failed check)
const { JsonRpcProvider, Wallet, parseEther } = require("ethers");

(async () => {
  const [url, key, to] = process.argv.slice(2);
  const provider = new JsonRpcProvider(url, undefined, { staticNetwork: true, pollingInterval: 250 });
  const wallet = new Wallet(key, provider);
  const net = await provider.getNetwork();
  const before = await provider.getBalance(wallet.address);
  const toBefore = await provider.getBalance(to);
  const tx = await wallet.sendTransaction({ to, value: parseEther("1.5") });
  const receipt = await tx.wait();
  const after = await provider.getBalance(wallet.address);
  const toAfter = await provider.getBalance(to);
  const fee = receipt.gasUsed * receipt.gasPrice;
  console.log(JSON.stringify({ chainId: net.chainId.toString(), hash: tx.hash, status: receipt.status, block: receipt.blockNumber,
    before: before.toString(), after: after.toString(), toBefore: toBefore.toString(), toAfter: toAfter.toString(), fee: fee.toString() }));
  if (receipt.status !== 1) throw new Error("receipt status " + receipt.status);
  if (toAfter - toBefore !== parseEther("1.5")) throw new Error("recipient not credited 1.5");
  if (before - after !== parseEther("1.5") + fee) throw new Error("sender not debited by the amount and the fee");
})().catch(e => { console.error(e.message || e); process.exit(1); });
