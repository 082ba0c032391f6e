// Whether this machine can build and run the server: the .NET 10 SDK with ASP.NET Core 10.
import { spawnSync } from 'node:child_process'

/** Where to get it, printed whenever the server tests cannot run. */
const SDK_HINT =
  'install the .NET 10 SDK (https://dotnet.microsoft.com/download/dotnet/10.0), so that `dotnet --list-runtimes` shows Microsoft.AspNetCore.App 10.0.x'

/** The environment every dotnet command of these tests runs with. */
export const DOTNET_ENV: NodeJS.ProcessEnv = {
  ...process.env,
  DOTNET_CLI_TELEMETRY_OPTOUT: '1',
  DOTNET_NOLOGO: '1',
}

export type DotnetStatus =
  { readonly available: true } | { readonly available: false; readonly reason: string }

export function dotnetStatus(): DotnetStatus {
  const probe = spawnSync('dotnet', ['--list-runtimes'], { encoding: 'utf8', env: DOTNET_ENV })
  if (probe.error !== undefined || probe.status !== 0) {
    return { available: false, reason: `dotnet is not on PATH: ${SDK_HINT}` }
  }
  if (!/^Microsoft\.AspNetCore\.App 10\./m.test(probe.stdout)) {
    return { available: false, reason: `dotnet has no ASP.NET Core 10 runtime: ${SDK_HINT}` }
  }
  return { available: true }
}
