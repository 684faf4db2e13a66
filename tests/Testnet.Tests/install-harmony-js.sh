#!/usr/bin/env bash
# Installs the Harmony JS SDK (@harmony-js/core, pinned, with the tslib it needs but does not declare) into the git-ignored .tools/harmony-js for the testnet SDK tests, which
# run node scripts against a real `harmonysim testnet`. test.sh runs it before the tests; the tests run it too when it
# was skipped. Exits 0 without installing when npm is absent: the tests then skip, saying so.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
dir="$root/.tools/harmony-js"
version=0.1.58
if [ -f "$dir/node_modules/@harmony-js/core/package.json" ] && grep -q "\"version\": \"$version\"" "$dir/node_modules/@harmony-js/core/package.json"; then
  exit 0
fi
if ! command -v npm >/dev/null 2>&1 || ! command -v node >/dev/null 2>&1; then
  echo "install-harmony-js: node/npm not found; the testnet SDK tests will be skipped" >&2
  exit 0
fi
echo "install-harmony-js: installing @harmony-js/core@$version into $dir"
npm install --prefix "$dir" --no-audit --no-fund --loglevel=error "@harmony-js/core@$version" tslib@2.8.1
