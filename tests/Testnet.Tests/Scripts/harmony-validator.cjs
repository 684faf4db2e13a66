// A player's validator with @harmony-js/staking 0.1.58 on a HarmonySim testnet: a CreateValidator with a BLS slot key
// and its proof of possession (made by `harmonysim keys bls-new`), then a Delegate from a second account, both signed
// by the SDK and sent with hmy_sendRawStakingTransaction; nonces from hmy_getTransactionCount. Prints one JSON line
// with both accounts' one1 addresses and each JSON-RPC answer.
// node harmony-validator.cjs RPC_URL VALIDATOR_KEY DELEGATOR_KEY BLS_PUBLIC BLS_PROOF SELF_STAKE_ONE DELEGATION_ONE
const { StakingTransaction, Delegate, CreateValidator, Description, CommissionRate, Decimal, Directive } = require("@harmony-js/staking");
const { Unit, numberToHex } = require("@harmony-js/utils");
const { getAddressFromPrivateKey, getAddress } = require("@harmony-js/crypto");
(async () => {
  const [url, validatorKey, delegatorKey, blsPublic, blsProof, selfStake, delegation] = process.argv.slice(2);
  const call = async (method, params) => {
    const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }) });
    return await response.json();
  };
  const nonceOf = async (address) => parseInt((await call("hmy_getTransactionCount", [address, "latest"])).result, 16);
  const gasPrice = numberToHex(new Unit("100").asGwei().toWei());
  const one = (amount) => numberToHex(new Unit(amount).asOne().toWei());
  const validator = getAddress(getAddressFromPrivateKey(validatorKey)).bech32;
  const delegator = getAddress(getAddressFromPrivateKey(delegatorKey)).bech32;
  // Harmony's CreateValidator carries a BLS proof of possession per key after the keys; the SDK's 0.1.58 message
  // predates them, so this adds them to the SDK's encoding (the SDK still signs and serialises the rest).
  class CreateValidatorWithProofs extends CreateValidator {
    constructor(proofs, ...args) { super(...args); this.proofs = proofs; }
    encode() { const raw = super.encode(); raw.splice(6, 0, this.proofs); return raw; }
  }
  const create = new StakingTransaction(Directive.DirectiveCreateValidator,
    new CreateValidatorWithProofs([blsProof], validator, new Description("player", "player", "example.com", "player@example.com", "a player's validator"),
      new CommissionRate(new Decimal("0.1"), new Decimal("0.9"), new Decimal("0.05")), one(selfStake), one("1000000"), [blsPublic], one(selfStake)),
    await nonceOf(validator), gasPrice, numberToHex(25000), 2);
  const [, createRaw] = create.rlpSign(validatorKey);
  const createAnswer = await call("hmy_sendRawStakingTransaction", [createRaw]);
  const delegate = new StakingTransaction(Directive.DirectiveDelegate, new Delegate(delegator, validator, one(delegation)),
    await nonceOf(delegator), gasPrice, numberToHex(25000), 2);
  const [, delegateRaw] = delegate.rlpSign(delegatorKey);
  const delegateAnswer = await call("hmy_sendRawStakingTransaction", [delegateRaw]);
  console.log(JSON.stringify({ validator, delegator, create: createAnswer, delegate: delegateAnswer }));
})().catch(e => { console.error(e.stack || e.message || e); process.exit(1); });
