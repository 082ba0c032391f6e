// `npm start`: installs and builds what is missing, then runs the stock server and the example
// apps under a supervisor (examples/demo) that restarts the server when it stops, until Ctrl-C.
// `npm start -- --help` lists the flags; `npm start -- --server aspnet` runs the ASP.NET Core server.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseDemoOptions, USAGE } from '../examples/demo/src/options.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const DOTNET_ENV = { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1', DOTNET_NOLOGO: '1' }

let options
try {
  options = parseDemoOptions(process.argv.slice(2), process.env)
} catch (error) {
  console.error(error instanceof Error ? error.message : error)
  console.error(USAGE)
  process.exit(2)
}
if (options.help) {
  console.log(USAGE)
  process.exit(0)
}

/** pnpm 10 on PATH, or npx fetching it from the registry (corepack is not relied on). */
function pnpmCommand() {
  const probe = spawnSync('pnpm', ['--version'], {
    encoding: 'utf8',
    shell: process.platform === 'win32',
  })
  return probe.status === 0 && probe.stdout.startsWith('10.') ? ['pnpm'] : ['npx', '-y', 'pnpm@10']
}

function run(command, args, env = process.env) {
  const result = spawnSync(command, args, {
    cwd: root,
    env,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  })
  if (result.status !== 0) process.exit(result.status ?? 1)
}

if (options.server === 'aspnet') {
  const probe = spawnSync('dotnet', ['--list-runtimes'], { encoding: 'utf8', env: DOTNET_ENV })
  if (probe.status !== 0 || !/^Microsoft\.AspNetCore\.App 10\./m.test(probe.stdout ?? '')) {
    console.error(
      '--server aspnet needs the .NET 10 SDK (`dotnet --list-runtimes` shows Microsoft.AspNetCore.App 10.0.x): https://dotnet.microsoft.com/download/dotnet/10.0',
    )
    process.exit(1)
  }
}

if (options.build) {
  const [pnpm, ...pnpmArgs] = pnpmCommand()
  if (!existsSync(join(root, 'node_modules')))
    run(pnpm, [...pnpmArgs, 'install', '--frozen-lockfile'])
  run(pnpm, [...pnpmArgs, 'build'])
  if (options.server === 'aspnet')
    run(pnpm, [...pnpmArgs, '--filter', '@rivulet/example-aspnet', 'build'], DOTNET_ENV)
}

const { runDemo } = await import('../examples/demo/src/run-demo.mjs')
process.exit(await runDemo(options, { root }))
