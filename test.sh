#!/usr/bin/env bash
# Runs HarmonySim's whole test suite on a fresh machine that has the .NET SDK, Node and apt.
# It installs what the tests need first (nothing beyond NuGet packages yet; later: npm packages,
# Azurite, Debian's chromium), then builds and runs every test project in Release.
set -euo pipefail
cd "$(dirname "$0")"

dotnet --version >/dev/null
dotnet restore HarmonySim.slnx
dotnet build HarmonySim.slnx -c Release --no-restore
dotnet test --solution HarmonySim.slnx -c Release --no-build
