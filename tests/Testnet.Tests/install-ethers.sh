#!/usr/bin/env bash
# Installs ethers (v6, pinned) into the repository's git-ignored .tools/ethers for the testnet's wallet tests, which
# run node scripts against a real `harmonysim testnet`. test.sh runs it before the tests; the tests run it too when it
# was skipped. Exits 0 without installing when npm is absent: the tests then skip, saying so.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
dir="$root/.tools/ethers"
version=6.17.0
if [ -f "$dir/node_modules/ethers/package.json" ] && grep -q "\"version\": \"$version\"" "$dir/node_modules/ethers/package.json"; then
  exit 0
fi
if ! command -v npm >/dev/null 2>&1 || ! command -v node >/dev/null 2>&1; then
  echo "install-ethers: node/npm not found; the testnet's wallet tests will be skipped" >&2
  exit 0
fi
echo "install-ethers: installing ethers@$version into $dir"
npm install --prefix "$dir" --no-audit --no-fund --loglevel=error "ethers@$version"
