// @harmony-js/staking 0.1.58 against a HarmonySim testnet: a Delegate and a CreateValidator signed by the SDK, sent
// raw with hmy_sendRawStakingTransaction; prints one JSON line with the SDK's sender and each JSON-RPC answer.
// node harmony-staking.cjs RPC_URL PRIVATE_KEY VALIDATOR_ONE_ADDRESS
const { StakingTransaction, Delegate, CreateValidator, Description, CommissionRate, Decimal, Directive } = require("@harmony-js/staking");
const { Unit, numberToHex } = require("@harmony-js/utils");
const { getAddressFromPrivateKey, getAddress } = require("@harmony-js/crypto");
(async () => {
  const [url, key, validator] = process.argv.slice(2);
  const from = getAddressFromPrivateKey(key);
  const gasPrice = numberToHex(new Unit("100").asGwei().toWei());
  const send = async (raw) => {
    const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "hmy_sendRawStakingTransaction", params: [raw] }) });
    return await response.json();
  };
  const delegate = new StakingTransaction(Directive.DirectiveDelegate,
    new Delegate(getAddress(from).bech32, validator, numberToHex(new Unit("100").asOne().toWei())), 0, gasPrice, numberToHex(25000), 2);
  const [, delegateRaw] = delegate.rlpSign(key);
  const create = new StakingTransaction(Directive.DirectiveCreateValidator,
    new CreateValidator(getAddress(from).bech32, new Description("player", "player", "example.com", "player@example.com", "a player"),
      new CommissionRate(new Decimal("0.1"), new Decimal("0.9"), new Decimal("0.05")),
      numberToHex(new Unit("10000").asOne().toWei()), numberToHex(new Unit("100000").asOne().toWei()),
      ["0x" + "ab".repeat(48)], numberToHex(new Unit("20000").asOne().toWei())), 1, gasPrice, numberToHex(25000), 2);
  const [, createRaw] = create.rlpSign(key);
  // Harmony's CreateValidator since 2020 carries a BLS proof of possession per key after the keys; the SDK's 0.1.58
  // message predates them, so this one adds them to the SDK's encoding (the SDK still signs and serialises the rest).
  class CreateValidatorWithProofs extends CreateValidator {
    constructor(proofs, ...args) { super(...args); this.proofs = proofs; }
    encode() { const raw = super.encode(); raw.splice(6, 0, this.proofs); return raw; }
  }
  const withProofs = new StakingTransaction(Directive.DirectiveCreateValidator,
    new CreateValidatorWithProofs(["0x" + "cd".repeat(96)], getAddress(from).bech32, new Description("player", "", "", "", ""),
      new CommissionRate(new Decimal("0.1"), new Decimal("0.9"), new Decimal("0.05")),
      numberToHex(new Unit("10000").asOne().toWei()), numberToHex(new Unit("100000").asOne().toWei()),
      ["0x" + "ab".repeat(48)], numberToHex(new Unit("20000").asOne().toWei())), 1, gasPrice, numberToHex(25000), 2);
  const [, withProofsRaw] = withProofs.rlpSign(key);
  console.log(JSON.stringify({ from: getAddress(from).bech32, delegate: await send(delegateRaw), create: await send(createRaw),
    createWithProofs: await send(withProofsRaw) }));
})().catch(e => { console.error(e.stack || e.message || e); process.exit(1); });
