import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { format, resolveConfig } from 'prettier'

const BENCH = fileURLToPath(new URL('..', import.meta.url))

/** The suites in the order the combined results file shows them. */
const SUITES = [
  'e2e-node',
  'e2e-node-memory',
  'e2e-browser',
  'e2e-browser-memory',
  'size',
  'memory',
  'latency',
] as const
export type SuiteName = (typeof SUITES)[number]

/** Quick runs go apart, so a smoke run never replaces the figures of a full one. */
function directory(quick: boolean): string {
  return `${BENCH}results/${quick ? 'quick/' : ''}`
}

/**
 * Writes one suite's JSON and markdown, then rebuilds the combined file from every suite's
 * latest markdown, so running a single suite updates its section and keeps the others.
 */
export async function writeSuite(
  suite: SuiteName,
  quick: boolean,
  data: unknown,
  markdown: string,
): Promise<string[]> {
  const dir = directory(quick)
  mkdirSync(dir, { recursive: true })
  const json = `${dir}${suite}.json`
  const md = `${dir}${suite}.md`
  // Formatted as the repository's prettier check wants it, so committed results pass `pnpm lint`.
  const config = (await resolveConfig(json)) ?? {}
  writeFileSync(json, await format(JSON.stringify(data), { ...config, filepath: json }))
  writeFileSync(md, await format(`${markdown.trim()}\n`, { ...config, filepath: md }))
  const combined = quick ? `${dir}results-clients.md` : `${BENCH}results-clients.md`
  writeFileSync(combined, await format(combine(dir, quick), { ...config, filepath: combined }))
  return [json, md, combined]
}

function combine(dir: string, quick: boolean): string {
  const parts = [
    '# Rivulet beside other clients: end to end, size, memory, latency',
    '',
    quick
      ? 'A `--quick` smoke run: too few samples to quote. See `bench/README.md` for the suites.'
      : 'Written by the suites in `bench/` (see its README); each section is its latest full run. ' +
        'Each section gives its machine and the load average around its run: a busy machine moves these figures, a quiet one less.',
  ]
  for (const suite of SUITES) {
    const file = `${dir}${suite}.md`
    if (existsSync(file)) parts.push('', readFileSync(file, 'utf8').trim())
  }
  return `${parts.join('\n')}\n`
}
