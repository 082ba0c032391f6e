// One end-to-end suite run several times, each in a fresh process, and its goals folded over the
// runs: on a 2-core machine a suite's median moves more from run to run than its rounds show.
// `pnpm --filter @rivulet/bench bench:runs --suite e2e-node --runs 5` (see the README). The
// single-run results files are left as they were; the fold goes to results/<suite>-runs.*.
import { spawnSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { format, resolveConfig } from 'prettier'
import { finishMachine, machineMarkdown, startMachine } from '../lib/machine'
import { overRuns, overRunsTable, type RunGoals } from '../lib/runs'

const SUITES = {
  'e2e-node': ['--expose-gc', '--import', 'tsx', 'e2e/node.bench.ts'],
  'e2e-browser': ['--import', 'tsx', 'e2e/browser.bench.ts'],
  'e2e-node-memory': ['--expose-gc', '--import', 'tsx', 'e2e/node.bench.ts', '--memory', '65536'],
  'e2e-browser-memory': ['--import', 'tsx', 'e2e/browser.bench.ts', '--memory', '2097152'],
} as const
type Suite = keyof typeof SUITES
const USAGE = `node --import tsx runs/repeat.ts --suite ${Object.keys(SUITES).join('|')} [--runs N (2–20, default 5)] [--quick]`

const { values } = parseArgs({
  options: {
    suite: { type: 'string' },
    runs: { type: 'string', default: '5' },
    quick: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
  strict: true,
})
if (values.help) {
  console.log(USAGE)
  process.exit(0)
}
const suite = values.suite as Suite
const runs = Number(values.runs)
if (!(suite in SUITES) || !Number.isInteger(runs) || runs < 2 || runs > 20) {
  console.error(USAGE)
  process.exit(2)
}

const bench = fileURLToPath(new URL('..', import.meta.url))
const dir = join(bench, 'results', values.quick ? 'quick' : '')
// What each run overwrites, put back afterwards: the committed figures are a single run's.
const kept = [
  join(dir, `${suite}.json`),
  join(dir, `${suite}.md`),
  join(bench, 'results-clients.md'),
]
const backup = mkdtempSync(join(tmpdir(), 'rivulet-runs-'))
kept.forEach((file, i) => existsSync(file) && copyFileSync(file, join(backup, String(i))))

const machine = startMachine()
const started = performance.now()
const collected: RunGoals[] = []
try {
  for (let run = 1; run <= runs; run++) {
    console.log(`\n=== ${suite}, run ${run} of ${runs}`)
    const args = [...SUITES[suite], ...(values.quick ? ['--quick'] : [])]
    const result = spawnSync(process.execPath, args, { cwd: bench, stdio: 'inherit' })
    if (result.status !== 0) throw new Error(`${suite} run ${run} failed (${result.status})`)
    const data = JSON.parse(readFileSync(join(dir, `${suite}.json`), 'utf8')) as Record<
      string,
      { goals?: RunGoals[string] }
    >
    collected.push(
      Object.fromEntries(
        Object.entries(data).flatMap(([corpus, value]) =>
          value && typeof value === 'object' && Array.isArray(value.goals)
            ? [[corpus, value.goals]]
            : [],
        ),
      ),
    )
  }
} finally {
  kept.forEach((file, i) => {
    const saved = join(backup, String(i))
    if (existsSync(saved)) copyFileSync(saved, file)
  })
  rmSync(backup, { recursive: true, force: true })
}

const rows = overRuns(collected)
const markdown = [
  `## ${suite}: goals over ${runs} runs`,
  '',
  machineMarkdown(finishMachine(machine), performance.now() - started),
  '',
  `Each run is \`${['node', ...SUITES[suite]].join(' ')}\` in a fresh process (in \`bench/\`);`,
  "its figure is the run's median over rounds. Shown: the median of those medians, their range",
  'over runs, and in how many runs the median met the goal.',
  '',
  overRunsTable(rows),
  '',
].join('\n')
console.log(`\n${markdown}`)
const out = join(dir, `${suite}-runs`)
const config = (await resolveConfig(`${out}.json`)) ?? {}
writeFileSync(
  `${out}.json`,
  await format(JSON.stringify({ suite, runs, rows }), { ...config, filepath: `${out}.json` }),
)
writeFileSync(`${out}.md`, await format(markdown, { ...config, filepath: `${out}.md` }))
console.log(`wrote ${out}.json, ${out}.md`)
