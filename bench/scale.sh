#!/usr/bin/env bash
# Scale benchmark for the simulation runtime: runs bundled scenarios with `harmonysim run` (Release) and prints a
# Markdown table of simulated seconds per wall second, consensus messages delivered per wall second and peak
# memory (GNU time's maximum resident set size). Paste the table into bench/RESULTS.md with the machine and date.
# Usage: bench/scale.sh [scenario ...]   (default: quickstart mainnet-2020 scale-10k)
set -euo pipefail
cd "$(dirname "$0")/.."
scenarios=("$@")
[ ${#scenarios[@]} -gt 0 ] || scenarios=(quickstart mainnet-2020 scale-10k)
out=$(mktemp -d)
dotnet build Silo -c Release >/dev/null
timer=()
if [ -x /usr/bin/time ]; then timer=(/usr/bin/time -v); fi
echo "| scenario | simulated s | wall s | × real time | messages delivered | messages / wall s | peak memory |"
echo "|---|---|---|---|---|---|---|"
for s in "${scenarios[@]}"; do
  log="$out/$s.log"
  "${timer[@]}" dotnet Silo/bin/Release/net10.0/harmonysim.dll run "scenarios/$s.yaml" --out "$out/runs" >"$log" 2>&1 || true
  report=$(ls -d "$out"/runs/"$s"-*/ | tail -n 1)report.json
  rss=$(awk -F: '/Maximum resident set size/ {printf "%.0f MiB", $2/1024}' "$log")
  python3 - "$report" "$s" "${rss:-n/a}" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
sim, wall, msgs = r["simulated_seconds"], r["wall_seconds"], r["consensus"]["messages"]
print(f"| {sys.argv[2]} | {sim:.0f} | {wall:.1f} | {sim / wall:.1f}× | {msgs:,} | {msgs / wall:,.0f} | {sys.argv[3]} |")
PY
done
rm -rf "$out"
