#!/usr/bin/env bash
# Installs Azurite, the Azure Storage emulator the cluster tests run against, into the repository's git-ignored
# .tools/azurite (npm package, pinned). test.sh runs it before the tests; the tests run it too when it was skipped.
# Exits 0 without installing when npm is absent: the tests then skip, saying so.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
dir="$root/.tools/azurite"
version=3.37.0
if [ -f "$dir/node_modules/azurite/package.json" ] && grep -q "\"version\": \"$version\"" "$dir/node_modules/azurite/package.json"; then
  exit 0
fi
if ! command -v npm >/dev/null 2>&1 || ! command -v node >/dev/null 2>&1; then
  echo "install-azurite: node/npm not found; the cluster storage tests will be skipped" >&2
  exit 0
fi
echo "install-azurite: installing azurite@$version into $dir"
# --loglevel=error: one dependency declares node >= 22 and warns on node 20, where Azurite runs fine.
npm install --prefix "$dir" --no-audit --no-fund --loglevel=error "azurite@$version"
