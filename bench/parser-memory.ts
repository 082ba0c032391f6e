// Heap the parser holds while hostile input drives it to its limits: the figures behind the
// memory bounds in createParser's doc comment (parser.memory.test.ts asserts them).
// Run: pnpm --filter @rivulet/bench bench:parser:memory [--core <file>] [--out results.md]
import { loadRivuletParser } from './competitors'
import { commandLine, machineLine, writeSection } from './report'
import type { ParserOptions, ParseError } from '../packages/core/src/parse'

type CreateParser = (options: ParserOptions) => { feed(chunk: Uint8Array): void }

interface Case {
  name: string
  limit: number
  options: Omit<ParserOptions, 'onEvent'>
  count: number
  chunk: (index: number) => Uint8Array
}

const encode = (text: string): Uint8Array => new TextEncoder().encode(text)
const MI = 1024 * 1024
const flood = encode('data:\n'.repeat(10923))
const cjkFlood = encode('data: 東\n'.repeat(7281))
const x = encode('x')
const prefix = encode('data: ')
const sliced = encode('data: ' + 'y'.repeat(13) + '\n: ' + 'c'.repeat(65536 - 30) + '\n')

const CASES: Case[] = [
  {
    name: 'empty `data:` lines, no blank line, 64 KiB chunks',
    limit: 16 * MI,
    options: {},
    count: (16 * MI) / 10923 + 2,
    chunk: () => flood,
  },
  {
    name: '`data: 東` lines, no blank line, 64 KiB chunks',
    limit: 16 * MI,
    options: {},
    count: (16 * MI) / 7281 + 2,
    chunk: () => cjkFlood,
  },
  {
    name: 'one line trickling in 1-byte chunks (maxLineLength 1 Mi)',
    limit: MI,
    options: { maxLineLength: MI },
    count: MI + 2,
    chunk: (i) => (i === 0 ? prefix : x),
  },
  {
    name: '64 KiB chunks of one short data line and a comment (maxEventLength 256 Ki)',
    limit: 256 * 1024,
    options: { maxEventLength: 256 * 1024 },
    count: (256 * 1024) / 14 + 2,
    chunk: () => sliced,
  },
]

function measure(
  createParser: CreateParser,
  test: Case,
): { held: number; error: string; ms: number } {
  const gc = globalThis.gc as () => void
  let error: ParseError | undefined
  const parser = createParser({
    ...test.options,
    onEvent: () => undefined,
    onError: (e) => (error = e),
  })
  gc()
  const start = process.memoryUsage().heapUsed
  const started = performance.now()
  let held = 0
  const every = Math.max(1, Math.floor(test.count / 32))
  for (let i = 0; i < test.count && error === undefined; i++) {
    parser.feed(test.chunk(i))
    if (i % every === every - 1) {
      gc()
      held = Math.max(held, process.memoryUsage().heapUsed - start)
    }
  }
  return { held, error: error?.type ?? 'none', ms: performance.now() - started }
}

async function main(): Promise<number> {
  if (typeof globalThis.gc !== 'function') {
    console.error('run with --expose-gc')
    return 2
  }
  const args = process.argv.slice(2)
  const coreAt = args.indexOf('--core')
  const outAt = args.indexOf('--out')
  const core = coreAt >= 0 ? args[coreAt + 1] : undefined
  const loaded = await loadRivuletParser(
    core === undefined ? undefined : new URL(core, `file://${process.cwd()}/`).href,
  )
  if ('missing' in loaded) {
    console.error(`cannot load Rivulet's parser: ${loaded.missing}`)
    return 1
  }
  const lines = [
    '## Node: heap held at the parser limits',
    '',
    `Machine: ${machineLine()}  `,
    `Command: \`${commandLine()}\`  `,
    `Run: ${new Date().toISOString()}`,
    '',
    '| Input | Limit (characters) | Error | Heap held | Per character of the limit | Time |',
    '| --- | ---: | --- | ---: | ---: | ---: |',
  ]
  for (const test of CASES) {
    const { held, error, ms } = measure(loaded.createParser as CreateParser, test)
    lines.push(
      `| ${test.name} | ${test.limit} | ${error} | ${(held / MI).toFixed(1)} MiB | ${(held / test.limit).toFixed(2)} B | ${(ms / 1000).toFixed(1)} s |`,
    )
    console.error(lines[lines.length - 1])
  }
  lines.push(
    '',
    'Heap held = the largest growth of `heapUsed` over the start, each read after a full',
    'collection, 32 times along the way. Time includes those collections.',
  )
  const report = lines.join('\n')
  console.log(report)
  if (outAt >= 0) {
    const out = args[outAt + 1] ?? 'results.md'
    writeSection(new URL(out, import.meta.url), 'parser-memory', report)
    console.error(`wrote ${out} (section parser-memory)`)
  }
  return 0
}

process.exitCode = await main()
