#!/usr/bin/env bash
# Runs HarmonySim's whole test suite on a fresh machine that has the .NET SDK, Node and apt.
# It installs what the tests need first (NuGet packages; Azurite from npm into the git-ignored
# .tools/azurite for the cluster storage tests, which start and stop it themselves; Debian's chromium
# and prometheus for the dashboard's browser and monitoring tests; the dashboard's chart library from
# npm, which the Dashboard project's build installs into its git-ignored node_modules), compiles and
# lints the Azure deployment (infra/bicep) with the Bicep CLI from NuGet, then builds in Release and
# runs every test project. Set HARMONYSIM_PROPERTY_SCALE=k to run k times as many random schedules
# in the property tests.
set -euo pipefail
cd "$(dirname "$0")"

dotnet --version >/dev/null
tests/Dashboard.Tests/install-tools.sh
dotnet restore HarmonySim.slnx
tests/Cluster.Tests/install-azurite.sh
tests/Testnet.Tests/install-ethers.sh
tests/Testnet.Tests/install-harmony-js.sh
infra/bicep/check.sh
dotnet build HarmonySim.slnx -c Release --no-restore
log=$(mktemp)
status=0
dotnet test --solution HarmonySim.slnx -c Release --no-build 2>&1 | tee "$log" || status=$?
# One plain closing line with the totals.
awk '/^ *succeeded:/ {p=$2} /^ *failed:/ {f=$2} END {if (p != "") printf "tests: %d passed, %d failed\n", p, f}' "$log"
rm -f "$log"
exit "$status"
