// Builds the server once for every test file (as CI does), with the SDK's own packages only.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { TestProject } from 'vitest/node'
import { DOTNET_ENV } from './dotnet'

const project = fileURLToPath(new URL('../src/StockServer.csproj', import.meta.url))
const dll = fileURLToPath(
  new URL('../dist/bin/StockServer/release/StockServer.dll', import.meta.url),
)
const core = fileURLToPath(new URL('../../../packages/core/dist/index.js', import.meta.url))

declare module 'vitest' {
  export interface ProvidedContext {
    /** The built server, to run with `dotnet <dll>`. */
    stockServerDll: string
  }
}

export default function setup(vitest: TestProject): void {
  if (!existsSync(core)) {
    throw new Error('@rivulet/core is not built: run `pnpm --filter @rivulet/core build` first')
  }
  const build = spawnSync('dotnet', ['build', '-c', 'Release', '-nologo', '-v', 'q', project], {
    encoding: 'utf8',
    env: DOTNET_ENV,
  })
  if (build.status !== 0) {
    throw new Error(`dotnet build failed (${build.status}):\n${build.stdout}\n${build.stderr}`)
  }
  vitest.provide('stockServerDll', dll)
}
