// Every suite in turn, each in its own process: parser in Node and in Chromium, end to end in
// Node and in Chromium, bundle size, memory, latency. `pnpm bench:all [--quick] [--only a,b] [--skip a,b]` from the root.
import { spawn } from 'node:child_process'
import { parseArgs } from 'node:util'

const SUITES = {
  // The parser suite is the package's `bench` script, whatever file it runs.
  parser: ['pnpm', ['run', '--silent', 'bench']],
  'parser-chromium': [
    process.execPath,
    ['--import', 'tsx', 'parser.chromium.ts', '--out', 'results.md'],
  ],
  'e2e-node': [process.execPath, ['--expose-gc', '--import', 'tsx', 'e2e/node.bench.ts']],
  'e2e-browser': [process.execPath, ['--import', 'tsx', 'e2e/browser.bench.ts']],
  // The same clients with the body served from memory: the client alone, in the chunk sizes
  // Node (64 KiB) and Chromium (2 MiB on loopback) hand over.
  'e2e-node-memory': [
    process.execPath,
    ['--expose-gc', '--import', 'tsx', 'e2e/node.bench.ts', '--memory', '65536'],
  ],
  'e2e-browser-memory': [
    process.execPath,
    ['--import', 'tsx', 'e2e/browser.bench.ts', '--memory', '2097152'],
  ],
  size: [process.execPath, ['--import', 'tsx', 'size/size.bench.ts']],
  memory: [process.execPath, ['--expose-gc', '--import', 'tsx', 'memory/memory.bench.ts']],
  latency: [process.execPath, ['--expose-gc', '--import', 'tsx', 'latency/latency.bench.ts']],
} as const satisfies Record<string, readonly [string, readonly string[]]>
type Suite = keyof typeof SUITES
const NAMES = Object.keys(SUITES) as Suite[]

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    skip: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
  strict: true,
})
if (values.help) {
  console.log(`pnpm bench:all [--quick] [--only ${NAMES.join(',')}] [--skip …]`)
  process.exit(0)
}
const list = (text: string | undefined) => text?.split(',').filter((s) => s !== '') ?? []
const unknown = [...list(values.only), ...list(values.skip)].filter(
  (s) => !NAMES.includes(s as Suite),
)
if (unknown.length > 0)
  throw new Error(`unknown suite ${unknown.join(', ')}; known: ${NAMES.join(', ')}`)
const only = list(values.only)
const chosen = NAMES.filter(
  (s) => (only.length === 0 || only.includes(s)) && !list(values.skip).includes(s),
)

// Generous bounds: a suite past this is stuck, and the next one should still run.
const TIMEOUT_MS = values.quick ? 5 * 60_000 : 20 * 60_000

function run(suite: Suite): Promise<{ code: number | null; ms: number }> {
  const [command, args] = SUITES[suite]
  const started = performance.now()
  return new Promise((resolve) => {
    const child = spawn(command, [...args, ...(values.quick ? ['--quick'] : [])], {
      stdio: 'inherit',
    })
    const timer = setTimeout(() => child.kill('SIGKILL'), TIMEOUT_MS)
    const stop = () => child.kill('SIGTERM')
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
    child.on('close', (code) => {
      clearTimeout(timer)
      process.off('SIGINT', stop)
      process.off('SIGTERM', stop)
      resolve({ code, ms: performance.now() - started })
    })
  })
}

const started = performance.now()
const outcomes: string[] = []
let failed = 0
for (const suite of chosen) {
  console.error(`\n=== ${suite}${values.quick ? ' --quick' : ''}`)
  const { code, ms } = await run(suite)
  if (code !== 0) failed++
  outcomes.push(
    `${suite.padEnd(12)} ${(ms / 1000).toFixed(0).padStart(5)} s  ${code === 0 ? 'ok' : `exit ${String(code)}`}`,
  )
}
console.error(
  `\n${outcomes.join('\n')}\n${'all'.padEnd(12)} ${((performance.now() - started) / 1000).toFixed(0).padStart(5)} s`,
)
process.exitCode = failed === 0 ? 0 : 1
