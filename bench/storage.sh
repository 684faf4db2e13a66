#!/usr/bin/env bash
# Storage benchmark: grain-state writes/reads and membership-table operations per second against Azurite, through the
# Orleans Azure providers exactly as `harmonysim silo` registers them (bench/Storage). Starts its own Azurite (in
# memory, free loopback ports, the same command line as tests/Cluster.Tests/Azurite/AzuriteServer.cs), stops it on
# exit, and prints Markdown tables plus the load average before and after (2 shared cores: the load is part of the result).
# Usage: bench/storage.sh [--seconds 3] [--writers 16] [--members 10]   (arguments go to the benchmark)
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build bench/Storage -c Release -v q -nologo >/dev/null
tests/Cluster.Tests/install-azurite.sh >/dev/null
azurite=.tools/azurite/node_modules/.bin/azurite
[ -x "$azurite" ] || { echo "bench/storage.sh: Azurite is not installed (node/npm missing?)" >&2; exit 4; }
out=$(mktemp -d)
pid=
cleanup() { [ -z "$pid" ] || kill "$pid" 2>/dev/null || true; rm -rf "$out"; }
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
blob=$(free_port); queue=$(free_port); table=$(free_port)
"$azurite" --silent --skipApiVersionCheck --inMemoryPersistence --blobHost 127.0.0.1 --blobPort "$blob" \
  --queueHost 127.0.0.1 --queuePort "$queue" --tableHost 127.0.0.1 --tablePort "$table" >"$out/azurite.log" 2>&1 &
pid=$!
for port in "$blob" "$table"; do
  for attempt in $(seq 120); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.5; done
done
key=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==
account=devstoreaccount1
connection="DefaultEndpointsProtocol=http;AccountName=$account;AccountKey=$key;BlobEndpoint=http://127.0.0.1:$blob/$account;QueueEndpoint=http://127.0.0.1:$queue/$account;TableEndpoint=http://127.0.0.1:$table/$account;"
echo "Azurite $(node -p 'require("./.tools/azurite/node_modules/azurite/package.json").version') in memory on 127.0.0.1; $(date -u '+%Y-%m-%d %H:%M UTC'); $(nproc) cores"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
HARMONYSIM_Storage__ConnectionString="$connection" dotnet bench/Storage/bin/Release/net10.0/HarmonySim.Bench.Storage.dll "$@"
echo
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
