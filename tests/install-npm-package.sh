#!/usr/bin/env bash
# Installs a pinned npm package into the repository's git-ignored .tools/NAME for the tests that run it (Azurite for the
# cluster tests, ethers and the Harmony JS SDK for the testnet's wallet tests). test.sh runs each installer before the
# tests; the tests run it too when it was skipped. Does nothing when that version is already there; exits 0 without
# installing when npm is absent, so the tests skip, saying so.
# Usage: install-npm-package.sh NAME PACKAGE VERSION "WHO SKIPS" [EXTRA-PACKAGE@VERSION ...]
set -euo pipefail
name=$1 package=$2 version=$3 skips=$4
shift 4
root="$(cd "$(dirname "$0")/.." && pwd)"
dir="$root/.tools/$name"
if [ -f "$dir/node_modules/$package/package.json" ] && grep -q "\"version\": \"$version\"" "$dir/node_modules/$package/package.json"; then
  exit 0
fi
if ! command -v npm >/dev/null 2>&1 || ! command -v node >/dev/null 2>&1; then
  echo "install-$name: node/npm not found; $skips will be skipped" >&2
  exit 0
fi
echo "install-$name: installing $package@$version into $dir"
# --loglevel=error: one of Azurite's dependencies declares node >= 22 and warns on node 20, where Azurite runs fine.
npm install --prefix "$dir" --no-audit --no-fund --loglevel=error "$package@$version" "$@"
