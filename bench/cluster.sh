#!/usr/bin/env bash
# Cluster benchmark: each scenario on one process (`harmonysim run`, one embedded silo) and as a durable run on
# three `harmonysim silo` processes on Azurite (`harmonysim run --cluster`), checkpointing every step (the most
# expensive cadence). Prints a Markdown table per scenario: wall seconds of the whole command and of the run itself
# (report.json timing), the silos' CPU seconds per simulated second (all three, from /proc), the bytes crossing silos
# per simulated second (the three silos' network totals, Silo/Cluster/SiloTraffic.cs: silo-to-silo bytes sent, and
# separately the client<->gateway bytes), the digests (they must be equal), then the checkpoint cost from the silos'
# logs (count, mean and max write time, bytes). Each scenario gets three fresh silos (a cluster id of its own), stopped
# after its run so their totals are its own; the totals include the silos' start, idle membership traffic and stop,
# which the "(idle)" row measures alone (three silos started and stopped with no run).
# Usage: bench/cluster.sh [scenario ...]   (default: staking-epochs mainnet-2020 scale-10k)
# Environment: HARMONYSIM (a harmonysim.dll to measure instead of a fresh ReadyToRun publish); CHECKPOINT_INTERVAL
# (Cluster:Checkpoints:Interval, default 00:00:00 = every step; 00:00:02 is the silo default).
set -euo pipefail
cd "$(dirname "$0")/.."
scenarios=("$@")
[ ${#scenarios[@]} -gt 0 ] || scenarios=(staking-epochs mainnet-2020 scale-10k)
out=$(mktemp -d)
pids=()
# Silos first, Azurite last (a silo stopping without its storage takes longer); a second TERM stops a silo at once.
cleanup() {
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do kill "${pids[$i]}" 2>/dev/null || true; done
  sleep 5
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do kill "${pids[$i]}" 2>/dev/null || true; done
  rm -rf "$out"
}
trap cleanup EXIT
dll=${HARMONYSIM:-}
if [ -z "$dll" ]; then
  dotnet publish Silo -c Release -r linux-x64 --self-contained false -o "$out/bin" >/dev/null
  dll="$out/bin/harmonysim.dll"
fi
tests/Cluster.Tests/install-azurite.sh >/dev/null
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
blob=$(free_port); queue=$(free_port); table=$(free_port)
.tools/azurite/node_modules/.bin/azurite --silent --inMemoryPersistence --skipApiVersionCheck --blobHost 127.0.0.1 --blobPort "$blob" \
  --queueHost 127.0.0.1 --queuePort "$queue" --tableHost 127.0.0.1 --tablePort "$table" >"$out/azurite.log" 2>&1 &
pids+=($!)
key=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==
export HARMONYSIM_Storage__Provider=azure
export HARMONYSIM_Storage__ConnectionString="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$key;BlobEndpoint=http://127.0.0.1:$blob/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$queue/devstoreaccount1;TableEndpoint=http://127.0.0.1:$table/devstoreaccount1;"
export HARMONYSIM_Cluster__AdvertisedAddress=127.0.0.1
export HARMONYSIM_Cluster__Checkpoints__Interval=${CHECKPOINT_INTERVAL:-00:00:00}
silos=()
# Three silos of a fresh cluster (id bench-PID-NAME), their logs $out/silo-NAME-1..3.log; returns when all serve.
start_silos() {
  silos=()
  for i in 1 2 3; do
    for attempt in $(seq 20); do (exec 3<>"/dev/tcp/127.0.0.1/$table") 2>/dev/null && break; sleep 0.5; done
    HARMONYSIM_Cluster__ClusterId="bench-$$-$1" dotnet "$dll" silo --silo-port "$(free_port)" --gateway-port "$(free_port)" \
      --Logging:LogLevel:HarmonySim.Grains.Runs.Durable Debug >"$out/silo-$1-$i.log" 2>&1 &
    pids+=($!)
    silos+=($!)
  done
  for i in 1 2 3; do
    until grep -qs "serving cluster" "$out/silo-$1-$i.log"; do sleep 0.5; grep -qs "nothing started" "$out/silo-$1-$i.log" && { cat "$out/silo-$1-$i.log"; exit 1; }; done
  done
  # The loop's status is its last grep's (1 when the silo had not failed), which set -e would take for a failure.
  return 0
}
# A graceful stop (one SIGTERM, the silo's own 25 s bound), so each silo logs its network totals.
stop_silos() {
  for p in "${silos[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${silos[@]}"; do wait "$p" 2>/dev/null || true; done
}
# Sums the three silos' "network totals" lines: silo-to-silo bytes sent, client<->gateway bytes sent + received.
traffic() {
  cat "$out"/silo-"$1"-*.log | grep -o "network totals: .*" | awk '{silo += $7; client += $18 + $23; n++} END {if (n != 3) print "0 0 " n; else print silo, client, n}'
}
cpu_ticks() { local t=0; for p in "${silos[@]}"; do t=$((t + $(awk '{print $14 + $15}' "/proc/$p/stat"))); done; echo "$t"; }
hz=$(getconf CLK_TCK)
report() { python3 - "$1" <<'PY'
import json, sys
r = json.load(open(sys.argv[1])); t = r.get("timing") or {}
print(r["simulated_seconds"], r["wall_seconds"], t.get("run_seconds", r["wall_seconds"]), t.get("cpu_seconds", 0), r["digest"])
PY
}
start_silos idle
stop_silos
read -r idle_silo idle_client idle_n < <(traffic idle)
echo "| scenario | processes | simulated s | wall s | run s | CPU s / simulated s | bytes crossing silos / simulated s (client<->gateway) | digest |"
echo "|---|---|---|---|---|---|---|---|"
printf '| (idle: 3 silos started and stopped, no run) | 3 | | | | | %d bytes in all (%d) | |\n' "$idle_silo" "$idle_client"
for s in "${scenarios[@]}"; do
  file=$s; [ -f "$file" ] || file="scenarios/$s.yaml"
  name=$(awk '/^name:/ {print $2; exit}' "$file")
  dotnet "$dll" run "$file" --out "$out/one" >"$out/$name-one.log" 2>&1 || true
  read -r sim wall run cpu digest < <(report "$(ls -d "$out"/one/"$name"-*/ | tail -n 1)report.json")
  printf '| %s | 1 | %.0f | %.2f | %.2f | %.4f | | %s… |\n' "$name" "$sim" "$wall" "$run" "$(echo "$cpu / $sim" | bc -l)" "${digest:0:12}"
  start_silos "$name"
  before=$(cpu_ticks)
  HARMONYSIM_Cluster__ClusterId="bench-$$-$name" dotnet "$dll" run "$file" --cluster --out "$out/three" >"$out/$name-three.log" 2>&1 || { cat "$out/$name-three.log"; exit 1; }
  after=$(cpu_ticks)
  read -r sim wall run cpu digest < <(report "$(ls -d "$out"/three/"$name"-*/ | tail -n 1)report.json")
  stop_silos
  read -r silo_bytes client_bytes n < <(traffic "$name")
  [ "$n" = 3 ] || echo "bench/cluster.sh: $n of 3 silos logged their network totals for $name" >&2
  printf '| %s | 3 (+ client) | %.0f | %.2f | %.2f | %.4f (silos) | %.0f (%.0f) | %s… |\n' "$name" "$sim" "$wall" "$run" \
    "$(echo "($after - $before) / $hz / $sim" | bc -l)" "$(echo "$silo_bytes / $sim" | bc -l)" "$(echo "$client_bytes / $sim" | bc -l)" "${digest:0:12}"
done
echo
echo "Checkpoints (interval ${CHECKPOINT_INTERVAL:-00:00:00}):"
cat "$out"/silo*.log | grep -o "written in [0-9.]* ms, [0-9]* bytes" | awk '{n++; ms+=$3; if ($3>max) max=$3; b=$5} END {if (n) printf "  %d writes, mean %.2f ms, max %.2f ms, %d bytes each\n", n, ms/n, max, b}'
cat "$out"/silo*.log | grep -o "plan stored ([0-9]* bytes of JSON) in [0-9.]* ms" | sed 's/^/  /'
