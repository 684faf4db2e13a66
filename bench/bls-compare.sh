#!/usr/bin/env bash
# Measures HarmonySim's BLS12-381 (BenchmarkDotNet, BlsBenchmarks) and blst / noble-curves (bench/bls-node) in one
# run on this machine and prints the side-by-side Markdown table (paste it into the BLS section of bench/RESULTS.md).
set -euo pipefail
cd "$(dirname "$0")"
(cd bls-node && npm install --no-audit --no-fund >/dev/null 2>&1)
node bls-node/bench.mjs > /tmp/harmonysim-bls-node.json
dotnet run -c Release --project HarmonySim.Bench.csproj -- --filter '*BlsBenchmarks*' --exporters json >&2
node bls-node/report.mjs BenchmarkDotNet.Artifacts/results/HarmonySim.Bench.BlsBenchmarks-report-full-compressed.json /tmp/harmonysim-bls-node.json
