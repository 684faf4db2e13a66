#!/usr/bin/env bash
# RPC latency benchmark (issue 16): `harmonysim testnet bench/rpc-testnet.yaml` (mainnet-2020-sized shards, 4 × 250
# slots, paced at 1x) on a free loopback port with a fresh data folder, and an open-loop load generator (bench/RpcLoad:
# requests start on a fixed schedule whatever the answers do; latency counted from the scheduled start, HdrHistogram)
# sending a mix of eth_blockNumber, eth_getBalance, eth_getBlockByNumber and eth_sendRawTransaction to /rpc/0..3.
# Prints the machine, the load average before and after (2 shared cores: the load is part of the result) and Markdown.
# Usage: bench/rpc.sh [--rate 500] [--seconds 60] [--warmup 10] [--send-share 0.05]   (arguments go to the generator)
#        RPC_BENCH_TESTNET_ARGS="--rate-limit 100000" bench/rpc.sh ...   (extra arguments for harmonysim testnet)
set -euo pipefail
cd "$(dirname "$0")/.."
nice -n 19 dotnet build Silo -c Release -v q -nologo >/dev/null
nice -n 19 dotnet build bench/RpcLoad -c Release -v q -nologo >/dev/null
data=$(mktemp -d)
pid=
cleanup() { [ -z "$pid" ] || kill -TERM "$pid" 2>/dev/null || true; [ -z "$pid" ] || wait "$pid" 2>/dev/null || true; rm -rf "$data"; }
trap cleanup EXIT
# The testnet with the file journal, whatever cluster storage the caller's environment configures.
env -u HARMONYSIM_Storage__Provider -u Storage__Provider dotnet Silo/bin/Release/net10.0/harmonysim.dll testnet bench/rpc-testnet.yaml \
  --port 0 --data "$data" ${RPC_BENCH_TESTNET_ARGS:-} >"$data/testnet.out" 2>"$data/testnet.err" &
pid=$!
url=
for attempt in $(seq 600); do
  url=$(sed -n 's|^JSON-RPC: \(http://[0-9.:]*\)/rpc/0.*|\1|p' "$data/testnet.out" | head -1)
  [ -n "$url" ] && break
  kill -0 "$pid" 2>/dev/null || { cat "$data/testnet.err" >&2; exit 3; }
  sleep 0.2
done
[ -n "$url" ] || { echo "bench/rpc.sh: the testnet did not start" >&2; exit 3; }
echo "$(date -u '+%Y-%m-%d %H:%M UTC'); $(nproc) cores ($(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)); $(free -g | awk '/Mem:/ {print $2}') GiB; .NET $(dotnet --version)"
echo "testnet: bench/rpc-testnet.yaml at 1x, $url, ${RPC_BENCH_TESTNET_ARGS:-default options}"
echo "uptime before: $(uptime)"
echo
dotnet bench/RpcLoad/bin/Release/net10.0/HarmonySim.Bench.RpcLoad.dll run --url "$url" "$@"
echo
echo "uptime after: $(uptime)"
heights=$(curl -s -X POST -H 'Content-Type: application/json' -d '{"jsonrpc":"2.0","id":1,"method":"eth_blockNumber","params":[]}' "$url/rpc/0" || true)
echo "shard 0 head at the end: $heights"
