// Generates cross-implementation vectors for HarmonySim's C# BLS12-381 (tests/Protocol.Tests/Crypto/Bls).
// Run: npm install && node generate.mjs   (installs @chainsafe/blst 2.2.0 and @noble/curves 2.4.0 from npm).
// Every value is produced by blst (native, via @chainsafe/blst) and checked against noble-curves (pure JS), so the
// committed files record what two independent implementations agree on for the ciphersuite
// BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_POP_ (public keys in G1, signatures in G2).
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import * as blst from '@chainsafe/blst';
import { bls12_381 as noble } from '@noble/curves/bls12-381.js';

const SIG_DST = 'BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_POP_';
const POP_DST = 'BLS_POP_BLS12381G2_XMD:SHA-256_SSWU_RO_POP_';
const hex = (b) => Buffer.from(b).toString('hex');
const unhex = (h) => Uint8Array.from(Buffer.from(h, 'hex'));
const sha256 = (s) => Uint8Array.from(createHash('sha256').update(s).digest());
const L = noble.longSignatures;
const check = (cond, what) => { if (!cond) throw new Error('implementations disagree: ' + what); };

// ---- keys --------------------------------------------------------------------------------------------------
const keys = [];
for (let i = 0; i < 8; i++) {
  const ikm = sha256(`harmonysim-bls-vector-ikm-${i}`);
  const keyInfo = i % 2 === 1 ? new TextEncoder().encode(`info-${i}`) : new Uint8Array();
  const sk = blst.SecretKey.fromKeygen(ikm, i % 2 === 1 ? keyInfo : undefined);
  const pk = sk.toPublicKey();
  const pkNoble = L.getPublicKey(sk.toBytes());
  check(hex(pkNoble.toBytes(true)) === pk.toHex(true).replace(/^0x/, ''), `public key ${i}`);
  keys.push({
    ikm: hex(ikm), key_info: hex(keyInfo), secret: hex(sk.toBytes()),
    public: hex(pk.toBytes(true)), public_uncompressed: hex(pk.toBytes(false)),
  });
}

// ---- messages and signatures ----------------------------------------------------------------------------------
const messages = ['', '616263', '00'.repeat(32), '56'.repeat(32), 'ab'.repeat(32),
  hex(new TextEncoder().encode('harmony-one')), 'ff'.repeat(200)];
const signatures = [];
for (const [ki, k] of keys.entries()) {
  for (const m of messages) {
    const sk = blst.SecretKey.fromBytes(unhex(k.secret));
    const sig = sk.sign(unhex(m));
    const sigNoble = L.sign(L.hash(unhex(m), SIG_DST), unhex(k.secret));
    check(hex(L.Signature.toBytes(sigNoble)) === hex(sig.toBytes(true)), `signature ${ki}/${m}`);
    signatures.push({ key: ki, message: m, signature: hex(sig.toBytes(true)), signature_uncompressed: hex(sig.toBytes(false)) });
  }
}
// The Ethereum consensus-spec known answer (sign handler, sk 0x3283…d216, message 32×0x56).
{
  const sk = blst.SecretKey.fromHex('328388aff0d4a5b7dc9205abd374e7e98f3cd9f3418edb4eafda5fb16473d216');
  const sig = hex(sk.sign(unhex('56'.repeat(32))).toBytes(true));
  check(sig.startsWith('a4efa926610b8bd1c8330c918b7a5e9bf374e53435ef8b7ec1'), 'ethereum known answer');
  signatures.push({ key: -1, secret: '328388aff0d4a5b7dc9205abd374e7e98f3cd9f3418edb4eafda5fb16473d216', public: hex(sk.toPublicKey().toBytes(true)), message: '56'.repeat(32), signature: sig });
}

// ---- verification cases -------------------------------------------------------------------------------------
const verify = [];
{
  const s = signatures[1]; // key 0, "abc"
  const pk = keys[0].public;
  const other = keys[1].public;
  const cases = [
    { public: pk, message: s.message, signature: s.signature, valid: true, note: 'valid' },
    { public: pk, message: '616264', signature: s.signature, valid: false, note: 'wrong message' },
    { public: other, message: s.message, signature: s.signature, valid: false, note: 'wrong key' },
    { public: pk, message: s.message, signature: s.signature.slice(0, -8) + 'ffffffff', valid: false, note: 'tampered signature' },
    { public: pk, message: s.message, signature: 'c0' + '00'.repeat(95), valid: false, note: 'infinity signature' },
    { public: 'c0' + '00'.repeat(47), message: s.message, signature: 'c0' + '00'.repeat(95), valid: false, note: 'infinity public key and signature' },
  ];
  for (const c of cases) {
    let v;
    try { v = blst.verify(unhex(c.message), blst.PublicKey.fromHex(c.public, true), blst.Signature.fromHex(c.signature, true)); }
    catch { v = false; }
    check(v === c.valid, 'verify ' + c.note);
    verify.push(c);
  }
}

// ---- aggregates ------------------------------------------------------------------------------------------
const aggregates = [];
for (const n of [1, 2, 5, 8]) {
  const m = '56'.repeat(32);
  const sel = keys.slice(0, n);
  const sigs = sel.map((k) => blst.SecretKey.fromBytes(unhex(k.secret)).sign(unhex(m)));
  const aggSig = blst.aggregateSignatures(sigs, true);
  const pks = sel.map((k) => blst.PublicKey.fromHex(k.public, true));
  const aggPk = blst.aggregatePublicKeys(pks, true);
  check(blst.fastAggregateVerify(unhex(m), pks, aggSig), 'fast aggregate verify');
  check(hex(L.aggregatePublicKeys(sel.map((k) => unhex(k.public))).toBytes(true)) === hex(aggPk.toBytes(true)), 'aggregate public keys');
  aggregates.push({
    kind: 'same_message', message: m, publics: sel.map((k) => k.public), signatures: sigs.map((s) => hex(s.toBytes(true))),
    aggregate_signature: hex(aggSig.toBytes(true)), aggregate_public: hex(aggPk.toBytes(true)), valid: true,
  });
  // The same aggregate checked against one key too few is invalid.
  if (n > 1) {
    check(!blst.fastAggregateVerify(unhex(m), pks.slice(1), aggSig), 'fast aggregate verify, missing signer');
    aggregates.push({ kind: 'same_message', message: m, publics: sel.slice(1).map((k) => k.public), signatures: null,
      aggregate_signature: hex(aggSig.toBytes(true)), aggregate_public: null, valid: false });
  }
}
{
  const sel = keys.slice(0, 4);
  const msgs = sel.map((_, i) => hex(sha256(`distinct message ${i}`)));
  const sigs = sel.map((k, i) => blst.SecretKey.fromBytes(unhex(k.secret)).sign(unhex(msgs[i])));
  const aggSig = blst.aggregateSignatures(sigs, true);
  const pks = sel.map((k) => blst.PublicKey.fromHex(k.public, true));
  check(blst.aggregateVerify(msgs.map(unhex), pks, aggSig), 'aggregate verify');
  aggregates.push({ kind: 'distinct_messages', messages: msgs, publics: sel.map((k) => k.public), signatures: sigs.map((s) => hex(s.toBytes(true))),
    aggregate_signature: hex(aggSig.toBytes(true)), valid: true });
  const swapped = [msgs[1], msgs[0], msgs[2], msgs[3]];
  check(!blst.aggregateVerify(swapped.map(unhex), pks, aggSig), 'aggregate verify, swapped messages');
  aggregates.push({ kind: 'distinct_messages', messages: swapped, publics: sel.map((k) => k.public), signatures: null,
    aggregate_signature: hex(aggSig.toBytes(true)), valid: false });
}

// ---- proofs of possession (noble, POP DST; checked with noble's verify under the same DST) ------------------------
const pops = keys.map((k) => {
  const proof = L.sign(L.hash(unhex(k.public), POP_DST), unhex(k.secret));
  check(L.verify(proof, L.hash(unhex(k.public), POP_DST), unhex(k.public)), 'pop verify');
  return { public: k.public, proof: hex(L.Signature.toBytes(proof)) };
});

// ---- invalid encodings --------------------------------------------------------------------------------------
const { Fp, Fp2 } = noble.fields;
const P = Fp.ORDER;
const be = (v, len) => v.toString(16).padStart(len * 2, '0');
const invalid = [];
const addInvalid = (group, bytesHex, reason) => {
  const b = unhex(bytesHex);
  let blstRejects = false;
  try {
    if (group === 'G1') blst.PublicKey.fromBytes(b, true).keyValidate();
    else blst.Signature.fromBytes(b, true, true).sigValidate(true);
  } catch { blstRejects = true; }
  let nobleRejects = false;
  try {
    const pt = (group === 'G1' ? noble.G1.Point : noble.G2.Point).fromBytes(b);
    pt.assertValidity();
    if (!pt.isTorsionFree() || pt.is0()) nobleRejects = true;
  } catch { nobleRejects = true; }
  check(blstRejects && nobleRejects, `invalid ${group} encoding (${reason}) must be rejected by both`);
  invalid.push({ group, encoding: bytesHex, reason });
};
const g1 = keys[0].public;
const g2 = signatures[0].signature;
const flip = (h, mask) => be(parseInt(h.slice(0, 2), 16) ^ mask, 1) + h.slice(2);
// flags
addInvalid('G1', flip(g1, 0x80), 'compression flag missing on a 48-byte point');
addInvalid('G2', flip(g2, 0x80), 'compression flag missing on a 96-byte point');
addInvalid('G1', flip(keys[0].public_uncompressed, 0x80), 'compression flag set on a 96-byte point');
addInvalid('G2', flip(signatures[0].signature_uncompressed, 0x80), 'compression flag set on a 192-byte point');
addInvalid('G1', flip(keys[0].public_uncompressed, 0x20), 'sign flag on an uncompressed point');
// infinity
addInvalid('G1', 'c0' + '00'.repeat(46) + '01', 'infinity with a non-zero x');
addInvalid('G1', 'e0' + '00'.repeat(47), 'infinity with the sign flag');
addInvalid('G2', 'c0' + '00'.repeat(94) + '01', 'infinity with a non-zero x');
addInvalid('G2', 'e0' + '00'.repeat(95), 'infinity with the sign flag');
addInvalid('G1', 'c0' + '00'.repeat(47), 'infinity public key (KeyValidate)');
addInvalid('G1', '40' + '00'.repeat(47), 'uncompressed infinity flag on a 48-byte encoding');
// x >= p
addInvalid('G1', flip(be(P, 48), 0x80), 'x = p');
addInvalid('G1', flip(be(P + 1n, 48), 0x80), 'x = p + 1');
addInvalid('G1', 'bf' + 'ff'.repeat(47), 'x = 2^381 - 1');
addInvalid('G2', flip(be(P, 48), 0x80) + '00'.repeat(48), 'x.c1 = p');
addInvalid('G2', '80' + '00'.repeat(47) + be(P, 48), 'x.c0 = p');
addInvalid('G1', be(1n, 48) + be(P, 48), 'uncompressed y = p');
// wrong lengths
addInvalid('G1', g1.slice(0, 94), '47 bytes');
addInvalid('G2', g2.slice(0, 190), '95 bytes');
// not on the curve / not in the subgroup
let notOnCurve1 = 0, notInSub1 = 0;
for (let x = 1n; notOnCurve1 < 2 || notInSub1 < 2; x++) {
  const rhs = Fp.add(Fp.mul(Fp.sqr(x), x), 4n);
  let y;
  try { y = Fp.sqrt(rhs); } catch { y = undefined; }
  if (y === undefined || Fp.sqr(y) !== rhs) {
    if (notOnCurve1 < 2) { addInvalid('G1', flip(be(x, 48), 0x80), `x = ${x} is not on the curve`); notOnCurve1++; }
  } else if (notInSub1 < 2) {
    const pt = noble.G1.Point.fromAffine({ x, y });
    if (!pt.isTorsionFree()) { addInvalid('G1', flip(be(x, 48), y > (P - 1n) / 2n ? 0xa0 : 0x80), `x = ${x}: on the curve, not in G1`); notInSub1++; }
  }
}
let notOnCurve2 = 0, notInSub2 = 0;
const b2 = Fp2.fromBigTuple([4n, 4n]);
for (let x0 = 1n; notOnCurve2 < 2 || notInSub2 < 2; x0++) {
  const x = Fp2.fromBigTuple([x0, 1n]);
  const rhs = Fp2.add(Fp2.mul(Fp2.sqr(x), x), b2);
  let y;
  try { y = Fp2.sqrt(rhs); } catch { y = undefined; }
  if (y === undefined || !Fp2.eql(Fp2.sqr(y), rhs)) {
    if (notOnCurve2 < 2) { addInvalid('G2', '80' + be(1n, 48).slice(2) + be(x0, 48), `x = ${x0} + u is not on the curve`); notOnCurve2++; }
  } else if (notInSub2 < 2) {
    const pt = noble.G2.Point.fromAffine({ x, y });
    const largest = y.c1 > (P - 1n) / 2n || (y.c1 === 0n && y.c0 > (P - 1n) / 2n);
    if (!pt.isTorsionFree()) { addInvalid('G2', flip(be(1n, 48), largest ? 0xa0 : 0x80) + be(x0, 48), `x = ${x0} + u: on the curve, not in G2`); notInSub2++; }
  }
}

const out = {
  source: 'generated by tests/Protocol.Tests/Crypto/Bls/vectors/generate.mjs with @chainsafe/blst 2.2.0 (blst) and @noble/curves 2.4.0; every value agreed on by both',
  ciphersuite: SIG_DST, pop_dst: POP_DST,
  keys, signatures, verify, aggregates, pops, invalid,
};
writeFileSync(new URL('./bls-cross-implementation.json', import.meta.url), JSON.stringify(out, null, 1) + '\n');
console.log(`wrote ${keys.length} keys, ${signatures.length} signatures, ${verify.length} verify cases, ${aggregates.length} aggregates, ${pops.length} PoPs, ${invalid.length} invalid encodings`);
