// `npm start -- --no-build` runs what `pnpm build` made; the ASP.NET Core server is built here,
// once, when the SDK is on the machine.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { DOTNET_ENV, hasAspNetCore10 } from './dotnet'

const built = ['../../server/dist/main.js', '../../../packages/core/dist/index.js']
const csproj = fileURLToPath(new URL('../../aspnet/src/StockServer.csproj', import.meta.url))

export default function setup(): void {
  for (const file of built) {
    if (!existsSync(fileURLToPath(new URL(file, import.meta.url)))) {
      throw new Error(`${file} is missing: run \`pnpm build\` first`)
    }
  }
  if (!hasAspNetCore10()) return
  const build = spawnSync('dotnet', ['build', '-c', 'Release', '-nologo', '-v', 'q', csproj], {
    encoding: 'utf8',
    env: DOTNET_ENV,
  })
  if (build.status !== 0) {
    throw new Error(`dotnet build failed (${build.status}):\n${build.stdout}\n${build.stderr}`)
  }
}
