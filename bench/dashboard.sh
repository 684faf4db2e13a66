#!/usr/bin/env bash
# Cost of watching a run (issue 12): the same scenario with and without `--dashboard` (at --speed max, with a scraper
# polling /metrics every second, as Prometheus would), alternating, ROUNDS times each. Prints a Markdown table per
# run (wall s, run s from report.json timing, CPU s, digest) and the medians, and fails if the digests differ.
# Usage: bench/dashboard.sh [scenario-file]   (default: mainnet-2020 lengthened to 1 hour of virtual time, so the
# run itself lasts long enough for a 5 % difference to be measurable and for the scraper to poll many times)
# Environment: ROUNDS (default 5); HARMONYSIM (a harmonysim.dll instead of a fresh ReadyToRun publish).
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
file=${1:-}
if [ -z "$file" ]; then
  file="$out/mainnet-2020-1h.yaml"
  sed -e 's/^name: mainnet-2020$/name: mainnet-2020-1h/' -e 's/^  time: .*/  time: 1h/' scenarios/mainnet-2020.yaml >"$file"
fi
name=$(awk '/^name:/ {print $2; exit}' "$file")
dll=${HARMONYSIM:-}
if [ -z "$dll" ]; then
  dotnet publish Silo -c Release -r linux-x64 --self-contained false -o "$out/bin" >/dev/null
  dll="$out/bin/harmonysim.dll"
fi

# One run; with "dashboard", also a scraper polling /metrics every second until the run ends.
one() {
  local mode=$1 runs="$out/runs-$1-$2" log="$out/$1-$2.log" polls=0
  if [ "$mode" = dashboard ]; then
    dotnet "$dll" run "$file" --out "$runs" --dashboard=0 --speed max >"$log" 2>&1 &
    local pid=$! url=""
    while kill -0 "$pid" 2>/dev/null; do
      [ -n "$url" ] || url=$(grep -o 'http://[0-9.:]*' "$log" | head -n 1 || true)
      if [ -n "$url" ] && curl -fs "$url/metrics" >/dev/null 2>&1; then polls=$((polls + 1)); fi
      sleep 1
    done
    wait "$pid" || true
  else
    dotnet "$dll" run "$file" --out "$runs" >"$log" 2>&1 || true
  fi
  python3 - "$(ls -d "$runs"/*/ | tail -n 1)report.json" "$mode" "$polls" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
t = r["timing"]
print(f"{sys.argv[2]} {r['wall_seconds']:.3f} {t['run_seconds']:.3f} {t['cpu_seconds']:.3f} {sys.argv[3]} {r['digest']}")
PY
}

echo "Scenario: $name; $(nproc) cores; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| round | mode | wall s | run s | CPU s | /metrics polls | digest |"
echo "|---|---|---|---|---|---|---|"
results="$out/results"
for round in $(seq 1 "${ROUNDS:-5}"); do
  for mode in plain dashboard; do
    line=$(one "$mode" "$round")
    echo "$line" >>"$results"
    read -r m wall run cpu polls digest <<<"$line"
    echo "| $round | $m | $wall | $run | $cpu | $polls | ${digest:0:12}… |"
  done
done
echo
echo "Load after: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$results" <<'PY'
import statistics, sys
rows = [l.split() for l in open(sys.argv[1])]
digests = {r[5] for r in rows}
plain = [r for r in rows if r[0] == "plain"]
watched = [r for r in rows if r[0] == "dashboard"]
print()
# Each round's pair ran back to back, so the other load on a shared machine hits both alike; the median of the
# per-round differences is steadier than the difference of the medians.
print("| median over rounds | plain | dashboard | overhead (median of per-round pairs) |")
print("|---|---|---|---|")
for label, i in (("wall s", 1), ("run s", 2), ("CPU s", 3)):
    p = statistics.median(float(r[i]) for r in plain)
    d = statistics.median(float(r[i]) for r in watched)
    pairs = statistics.median(100 * (float(w[i]) - float(q[i])) / float(q[i]) for q, w in zip(plain, watched))
    extra = statistics.median(float(w[i]) - float(q[i]) for q, w in zip(plain, watched))
    print(f"| {label} | {p:.3f} | {d:.3f} | {pairs:+.1f} % ({extra:+.2f} s) |")
print()
print("digests: " + ("all identical" if len(digests) == 1 else "DIFFER: " + ", ".join(sorted(digests))))
sys.exit(0 if len(digests) == 1 else 1)
PY
