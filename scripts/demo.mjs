// `npm start`: installs what is missing, builds the packages, then runs every demo process
// (the reference stock server and the example apps) until Ctrl-C.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const port = process.env.PORT ?? '5000'

/** pnpm 10 on PATH, or npx fetching it from the registry (corepack is not relied on). */
function pnpmCommand() {
  const probe = spawnSync('pnpm', ['--version'], {
    encoding: 'utf8',
    shell: process.platform === 'win32',
  })
  return probe.status === 0 && probe.stdout.startsWith('10.') ? ['pnpm'] : ['npx', '-y', 'pnpm@10']
}

function run(command, args) {
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  })
  if (result.status !== 0) process.exit(result.status ?? 1)
}

const [pnpm, ...pnpmArgs] = pnpmCommand()
if (!existsSync(join(root, 'node_modules')))
  run(pnpm, [...pnpmArgs, 'install', '--frozen-lockfile'])
run(pnpm, [...pnpmArgs, 'build'])

// Each demo process: a label for its log lines and the workspace package it starts.
const stocksUrl = `http://127.0.0.1:${port}/stocks`
const processes = [
  // A quote every 500 ms: livelier than the original endpoint's 2 s.
  {
    label: 'server',
    filter: '@rivulet/example-server',
    env: { PORT: port },
    args: ['--interval', '500'],
  },
  { label: 'react', filter: '@rivulet/example-react', env: { VITE_STOCKS_URL: stocksUrl } },
  { label: 'vue', filter: '@rivulet/example-vue', env: { VITE_STOCKS_URL: stocksUrl } },
  { label: 'vanilla', filter: '@rivulet/example-vanilla', env: { VITE_STOCKS_URL: stocksUrl } },
]

const children = processes.map(({ label, filter, env, args = [] }) => {
  const child = spawn(pnpm, [...pnpmArgs, '--silent', '--filter', filter, 'start', ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    shell: process.platform === 'win32',
    // Its own process group, so stopping reaches what pnpm starts (Vite, tsx), not only pnpm.
    detached: process.platform !== 'win32',
  })
  const prefix = (line) => `[${label}] ${line}`
  for (const stream of [child.stdout, child.stderr]) {
    let rest = ''
    stream.setEncoding('utf8')
    stream.on('data', (text) => {
      const lines = (rest + text).split('\n')
      rest = lines.pop() ?? ''
      for (const line of lines) console.log(prefix(line))
    })
  }
  child.on('exit', (code) => {
    console.log(prefix(`exited with ${code}`))
    stopAll()
  })
  return child
})

console.log(`
Stock server  ${stocksUrl}  (try: curl -N ${stocksUrl})
React app     http://127.0.0.1:5173
Vue app       http://127.0.0.1:5174
Vanilla app   http://127.0.0.1:5175
`)
console.log('Press Ctrl-C to stop.\n')

let stopping = false
function stopAll() {
  if (stopping) return
  stopping = true
  for (const child of children) {
    if (child.exitCode !== null || child.pid === undefined) continue
    if (process.platform === 'win32') child.kill('SIGTERM')
    else {
      try {
        process.kill(-child.pid, 'SIGTERM')
      } catch {
        // The group is already gone.
      }
    }
  }
  setTimeout(() => process.exit(0), 3000).unref()
}
process.on('SIGINT', stopAll)
process.on('SIGTERM', stopAll)
