#!/usr/bin/env bash
# The whole suite, as CI runs it: install, build, lint, typecheck, package checks, tests.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-pnpm.sh
bash scripts/ensure-chromium.sh
[[ "$(DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 dotnet --list-runtimes 2>/dev/null)" == *"Microsoft.AspNetCore.App 10."* ]] ||
  echo "› no .NET 10 SDK (dotnet with Microsoft.AspNetCore.App 10): the ASP.NET Core server tests in examples/aspnet will fail (RIVULET_WITHOUT_DOTNET=1 leaves them out); get it at https://dotnet.microsoft.com/download/dotnet/10.0"
bash scripts/ensure-redis.sh

step() { printf '\n\033[1m› %s\033[0m\n' "$*"; }
step install;   pnpm install --frozen-lockfile
step build;     pnpm build
step lint;      pnpm lint
step knip;      pnpm knip
step typecheck; pnpm typecheck
step publint;   pnpm publint
step test;      pnpm exec vitest run --reporter=default --reporter=json --outputFile=.vitest-results.json
node scripts/summarize-tests.mjs .vitest-results.json
