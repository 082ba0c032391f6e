// Whether this machine can run the ASP.NET Core server: the .NET 10 SDK with ASP.NET Core 10.
import { spawnSync } from 'node:child_process'

export const DOTNET_ENV: NodeJS.ProcessEnv = {
  ...process.env,
  DOTNET_CLI_TELEMETRY_OPTOUT: '1',
  DOTNET_NOLOGO: '1',
}

export function hasAspNetCore10(): boolean {
  const probe = spawnSync('dotnet', ['--list-runtimes'], { encoding: 'utf8', env: DOTNET_ENV })
  return probe.status === 0 && /^Microsoft\.AspNetCore\.App 10\./m.test(probe.stdout)
}
