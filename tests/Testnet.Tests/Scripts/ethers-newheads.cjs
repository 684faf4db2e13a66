// ethers v6's WebSocketProvider against a HarmonySim testnet: chain id over the socket, then "block" events (eth_subscribe
// newHeads), then off() (eth_unsubscribe). node ethers-newheads.cjs WS_URL COUNT (prints one JSON line; exits 1 on a failure)
const { WebSocketProvider } = require("ethers");

(async () => {
  const [url, count] = process.argv.slice(2);
  const provider = new WebSocketProvider(url);
  const net = await provider.getNetwork();
  const heads = [];
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("no new heads within 60 s: " + JSON.stringify(heads))), 60000);
    provider.on("block", async number => {
      heads.push(number);
      if (heads.length === Number(count)) { clearTimeout(timer); resolve(); }
    });
  });
  await provider.off("block");
  const block = await provider.getBlock(heads[heads.length - 1]);
  console.log(JSON.stringify({ chainId: net.chainId.toString(), heads, lastHash: block.hash }));
  await provider.destroy();
})().catch(e => { console.error(e.message || e); process.exit(1); });
