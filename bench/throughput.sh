#!/usr/bin/env bash
# Throughput benchmark: runs throughput-mainnet-2020 (mainnet-2020's network offered 7,400 tx/s, 97 % of its 80 M gas
# ceiling) with each transaction-signing mode and prints a Markdown table with, per mode: simulated seconds;
# transactions offered and finalised; wall seconds for the whole command, for the start (silos, network, and for
# `presigned` the signing of every transaction) and for the run; load transactions processed per wall-second of the
# run; × real time of the run; CPU seconds per simulated second; peak memory; the digest.
# Usage: bench/throughput.sh [mode ...]   (modes: simulated real presigned; default all three)
# Environment: HARMONYSIM (a harmonysim.dll to measure instead of a fresh ReadyToRun publish).
set -euo pipefail
cd "$(dirname "$0")/.."
modes=("$@")
[ ${#modes[@]} -gt 0 ] || modes=(simulated real presigned)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
dll=${HARMONYSIM:-}
if [ -z "$dll" ]; then
  dotnet publish Silo -c Release -r linux-x64 --self-contained false -o "$out/bin" >/dev/null
  dll="$out/bin/harmonysim.dll"
fi
timer=()
if [ -x /usr/bin/time ]; then timer=(/usr/bin/time -v); fi
echo "| signing | simulated s | offered | finalised | wall s | start s | run s | tx / wall-s (run) | × real time (run) | CPU s / simulated s | peak memory | digest |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|"
for mode in "${modes[@]}"; do
  file="$out/throughput-$mode.yaml"
  sed "s/^name: throughput-mainnet-2020/name: throughput-$mode/; s/^  signing: simulated/  signing: $mode/" scenarios/throughput-mainnet-2020.yaml >"$file"
  log="$out/$mode.log"
  "${timer[@]}" dotnet "$dll" run "$file" --out "$out/runs" >"$log" 2>&1 || true
  report=$(ls -d "$out"/runs/throughput-"$mode"-*/ | tail -n 1)report.json
  rss=$(awk -F: '/Maximum resident set size/ {printf "%.0f MiB", $2/1024}' "$log")
  python3 - "$report" "$mode" "${rss:-n/a}" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
sim, wall = r["simulated_seconds"], r["wall_seconds"]
t = r.get("timing") or {}
run, start, cpu = t.get("run_seconds", wall), t.get("startup_seconds", 0), t.get("cpu_seconds", 0)
l = r["transactions"]["load"]
print(f"| {sys.argv[2]} | {sim:.0f} | {l['offered']:,} | {l['finalised']:,} | {wall:.1f} | {start:.1f} | {run:.1f} | {l['finalised'] / run:,.0f} | {sim / run:.2f}× | {cpu / sim:.3f} | {sys.argv[3]} | {r['digest'][:12]}… |")
PY
  rm -rf "$out/runs"
done
