#!/usr/bin/env bash
# The .NET tool package: dist/aura.<version>.nupkg, framework-dependent (the SDK's runtime runs it), installed with
#   dotnet tool install -g aura --add-source dist/
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p dist
dotnet pack src/Aura/Aura.csproj -c Release -o dist --nologo -v quiet -warnaserror
ls dist/aura.*.nupkg
