#!/usr/bin/env bash
# Scale benchmark for the simulation runtime: runs scenarios with `harmonysim run` and prints a Markdown table with,
# per run: simulated seconds; wall seconds for the whole command and for the run itself (report.json `timing`:
# after the silos started and the network was built); × real time for both; CPU seconds per simulated second (all
# cores, whole process); peak memory (GNU time's maximum resident set size); the digest.
# Usage: bench/scale.sh [scenario-or-file ...]   (default: quickstart mainnet-2020 scale-10k)
# Environment: SILOS (default 1); HARMONYSIM (a harmonysim.dll to measure instead of a fresh ReadyToRun publish).
set -euo pipefail
cd "$(dirname "$0")/.."
scenarios=("$@")
[ ${#scenarios[@]} -gt 0 ] || scenarios=(quickstart mainnet-2020 scale-10k)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
dll=${HARMONYSIM:-}
if [ -z "$dll" ]; then
  dotnet publish Silo -c Release -r linux-x64 --self-contained false -o "$out/bin" >/dev/null
  dll="$out/bin/harmonysim.dll"
fi
timer=()
if [ -x /usr/bin/time ]; then timer=(/usr/bin/time -v); fi
echo "| scenario | silos | simulated s | wall s | × real time | run s | × real time (run) | CPU s / simulated s | peak memory | digest |"
echo "|---|---|---|---|---|---|---|---|---|---|"
for s in "${scenarios[@]}"; do
  file=$s; [ -f "$file" ] || file="scenarios/$s.yaml"
  name=$(awk '/^name:/ {print $2; exit}' "$file")
  log="$out/$name.log"
  "${timer[@]}" dotnet "$dll" run "$file" --out "$out/runs" --silos "${SILOS:-1}" >"$log" 2>&1 || true
  report=$(ls -d "$out"/runs/"$name"-*/ | tail -n 1)report.json
  rss=$(awk -F: '/Maximum resident set size/ {printf "%.0f MiB", $2/1024}' "$log")
  python3 - "$report" "$name" "${rss:-n/a}" "${SILOS:-1}" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
sim, wall = r["simulated_seconds"], r["wall_seconds"]
t = r.get("timing") or {}
run, cpu = t.get("run_seconds", wall), t.get("cpu_seconds", 0)
print(f"| {sys.argv[2]} | {sys.argv[4]} | {sim:.0f} | {wall:.2f} | {sim / wall:.1f}× | {run:.2f} | {sim / run:.1f}× | {cpu / sim:.3f} | {sys.argv[3]} | {r['digest'][:12]}… |")
PY
  rm -rf "$out/runs"
done
