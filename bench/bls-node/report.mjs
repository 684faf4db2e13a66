// Merges a BenchmarkDotNet JSON report of BlsBenchmarks with bench.mjs output into a Markdown table (stdout).
// Usage: node report.mjs <bdn-report-full-compressed.json> <bench.mjs output.json>
import { readFileSync } from 'node:fs';
import os from 'node:os';

const [bdnPath, nodePath] = process.argv.slice(2);
const bdn = JSON.parse(readFileSync(bdnPath, 'utf8'));
const ref = JSON.parse(readFileSync(nodePath, 'utf8'));
const rows = [
  ['Sign', 'sign', 'sign (hash to G2 + G2 mult), from bytes'],
  ['Verify', 'verify', 'verify from bytes (decompress + subgroup checks + hash + 2-pair pairing)'],
  ['OnePairing', 'pairing', 'one pairing (Miller loop + final exponentiation)'],
  ['Aggregate1000Signatures', 'aggregate1000', 'aggregate 1000 decoded signatures'],
  ['FastAggregateVerify1000', 'fastAggregateVerify1000', 'FastAggregateVerify, 1000 decoded keys (hash included)'],
  ['BatchVerify250SameMessage', 'batchVerify250', 'batch-verify 250 votes on one message'],
  ['ConsensusVerifyAggregate167of250', null, 'FBFT path: aggregate of 167/250 against a bitmap (cached keys and message lines)'],
];
const byMethod = Object.fromEntries(bdn.Benchmarks.map((b) => [b.Method, b]));
const fmt = (ms) => (ms == null ? '—' : ms < 1 ? `${(ms * 1000).toFixed(0)} µs` : `${ms.toFixed(2)} ms`);
const ratio = (a, b) => (a == null || b == null ? '—' : `${(a / b).toFixed(1)}×`);
const host = bdn.HostEnvironmentInfo ?? {};
const lines = [];
lines.push('| operation | HarmonySim C# (mean) | allocated | blst (native) | noble-curves (JS) | C# / blst | noble / C# |');
lines.push('|---|---|---|---|---|---|---|');
for (const [method, key, label] of rows) {
  const b = byMethod[method];
  const cs = b ? b.Statistics.Mean / 1e6 : null;
  const alloc = b?.Memory ? `${b.Memory.BytesAllocatedPerOperation} B` : '—';
  const bl = key ? ref.blst[key] : null;
  const nb = key ? ref.noble[key] : null;
  lines.push(`| ${label} | ${fmt(cs)} | ${alloc} | ${fmt(bl)} | ${fmt(nb)} | ${ratio(cs, bl)} | ${ratio(nb, cs)} |`);
}
console.log(`Measured ${new Date().toISOString()} on ${host.ProcessorName ?? os.cpus()[0].model} (${os.cpus().length} logical cores), ` +
  `${host.OsVersion ?? os.platform()}, ${host.RuntimeVersion ?? ''}; Node ${process.version}.\n`);
console.log(lines.join('\n'));
