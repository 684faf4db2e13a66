#!/usr/bin/env bash
# Compiles and lints the Azure deployment with the Bicep CLI from NuGet (Azure.Bicep.CommandLine.linux-x64, pinned in
# Directory.Packages.props and restored through tools/BicepCli.csproj). bicepconfig.json turns every linter warning
# into an error; a compiler warning (BCPnnn, which has no configurable level) fails this script too. Run by test.sh.
set -euo pipefail
cd "$(dirname "$0")"

dotnet restore tools/BicepCli.csproj --verbosity quiet >/dev/null
packages="$(dotnet nuget locals global-packages -l | sed 's/^global-packages: //')"
version="$(sed -n 's/.*Include="Azure.Bicep.CommandLine.linux-x64" Version="\([^"]*\)".*/\1/p' ../../Directory.Packages.props)"
bicep="${packages%/}/azure.bicep.commandline.linux-x64/${version}/tools/bicep"
# NuGet extracts the binary without the execute bit for everyone; the owner's is enough, but make sure.
[ -x "$bicep" ] || chmod u+x "$bicep"

log="$(mktemp)"
status=0
out="$(mktemp -d)"
trap 'rm -rf "$log" "$out"' EXIT
# One process per step (each start costs seconds): every template, every template's lint, every parameter file.
"$bicep" build --pattern '**/*.bicep' --outdir "$out" >>"$log" 2>&1 || status=1
"$bicep" lint --pattern '**/*.bicep' >>"$log" 2>&1 || status=1
for file in *.bicepparam; do
  "$bicep" build-params "$file" --stdout >/dev/null 2>>"$log" || status=1
done
if grep -qiE ': (warning|error) ' "$log"; then
  status=1
fi
cat "$log"
if [ "$status" -ne 0 ]; then
  echo "bicep: infra/bicep has errors or warnings (Bicep CLI $version)" >&2
  exit 1
fi
echo "bicep: infra/bicep builds and lints clean (Bicep CLI $version)"
