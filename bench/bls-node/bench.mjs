// Times blst (@chainsafe/blst 2.2.0, native) and noble-curves (@noble/curves 2.4.0, pure JS) on the operations
// bench/BlsBenchmarks.cs measures, and prints one JSON object: { "blst": {op: ms}, "noble": {op: ms} }.
// Usage: npm install && node bench.mjs [--quick]
import { createHash } from 'node:crypto';
import * as blst from '@chainsafe/blst';
import { bls12_381 as noble } from '@noble/curves/bls12-381.js';

const quick = process.argv.includes('--quick');
const DST = 'BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_POP_';
const sha = (s) => Uint8Array.from(createHash('sha256').update(s).digest());
const L = noble.longSignatures;

/** Median over batches of the mean time per call, in milliseconds. */
function time(fn, { minMs = quick ? 300 : 1500, batches = 5 } = {}) {
  fn();
  const per = [];
  for (let b = 0; b < batches; b++) {
    let n = 0;
    const start = process.hrtime.bigint();
    let elapsed = 0;
    while (elapsed < minMs / batches || n < 1) {
      fn();
      n++;
      elapsed = Number(process.hrtime.bigint() - start) / 1e6;
    }
    per.push(elapsed / n);
  }
  per.sort((a, b) => a - b);
  return per[Math.floor(per.length / 2)];
}

const msg = sha('block hash');
const sk = blst.SecretKey.fromKeygen(sha('bench key'));
const pk = sk.toPublicKey();
const sig = sk.sign(msg);
const pkBytes = pk.toBytes(true);
const sigBytes = sig.toBytes(true);

const N = 1000;
const sks = Array.from({ length: N }, (_, i) => blst.SecretKey.fromKeygen(sha(`bench-${i}`)));
const pks = sks.map((k) => k.toPublicKey());
const sigs = sks.map((k) => k.sign(msg));
const aggSig = blst.aggregateSignatures(sigs, false);

const result = { blst: {}, noble: {} };
result.blst.sign = time(() => sk.sign(msg));
result.blst.verify = time(() => blst.verify(msg, blst.PublicKey.fromBytes(pkBytes, true), blst.Signature.fromBytes(sigBytes, true)));
result.blst.pairing = null; // @chainsafe/blst exposes no raw pairing
result.blst.aggregate1000 = time(() => blst.aggregateSignatures(sigs, false));
result.blst.fastAggregateVerify1000 = time(() => blst.fastAggregateVerify(msg, pks, aggSig));
const sets250 = Array.from({ length: 250 }, (_, i) => ({ msg, pk: pks[i], sig: sigs[i] }));
result.blst.batchVerify250 = time(() => blst.verifyMultipleAggregateSignatures(sets250));

const skN = sk.toBytes();
const nobleBudget = { minMs: quick ? 200 : 1000, batches: 3 };
const hm = L.hash(msg, DST);
const nPk = L.getPublicKey(skN);
const nSig = L.sign(hm, skN);
result.noble.sign = time(() => L.sign(L.hash(msg, DST), skN), nobleBudget);
result.noble.verify = time(() => L.verify(L.Signature.fromBytes(sigBytes), L.hash(msg, DST), pkBytes), nobleBudget);
result.noble.pairing = time(() => noble.pairing(nPk, nSig), nobleBudget);
const nSigPts = sigs.map((s) => L.Signature.fromBytes(s.toBytes(true)));
const nPkPts = pks.map((p) => noble.G1.Point.fromBytes(p.toBytes(true)));
result.noble.aggregate1000 = time(() => L.aggregateSignatures(nSigPts), nobleBudget);
const nAgg = L.aggregateSignatures(nSigPts);
result.noble.fastAggregateVerify1000 = time(() => L.verify(nAgg, L.hash(msg, DST), L.aggregatePublicKeys(nPkPts)), nobleBudget);
// noble has no randomised same-message batch; the closest is aggregating the 250 votes and one verify (no bisection).
result.noble.batchVerify250 = time(() => L.verify(L.aggregateSignatures(nSigPts.slice(0, 250)), L.hash(msg, DST), L.aggregatePublicKeys(nPkPts.slice(0, 250))), nobleBudget);

console.log(JSON.stringify(result, null, 1));
