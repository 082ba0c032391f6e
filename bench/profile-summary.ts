// Top self-time functions of a V8 .cpuprofile (from `node --cpu-prof`), to see where a parser
// spends its time without opening DevTools. Only time spent under the harness' `pass` counts, so
// start-up and corpus generation do not dilute the figures.
// Usage: node --import tsx profile-summary.ts <file.cpuprofile> [count] [--lines] [--all]
// --lines also breaks the top functions down by source line (of the file V8 ran, e.g. dist/).
// --all counts every sample (the end-to-end page's profiles, whose passes run in callbacks that
// no single function encloses), idle time excepted.
import { readFileSync } from 'node:fs'
import path from 'node:path'

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  hitCount?: number
  children?: number[]
  positionTicks?: { line: number; ticks: number }[]
}

const ROOT_FUNCTION = 'pass'

const args = process.argv.slice(2)
const byLine = args.includes('--lines')
const all = args.includes('--all')
const [file, countArg] = args.filter((arg) => arg !== '--lines' && arg !== '--all')
if (file === undefined) {
  console.error('usage: profile-summary.ts <file.cpuprofile> [count] [--lines]')
  process.exit(2)
}
const { nodes } = JSON.parse(readFileSync(file, 'utf8')) as { nodes: ProfileNode[] }
const byId = new Map(nodes.map((node) => [node.id, node]))
const parent = new Map<number, number>()
for (const node of nodes) for (const child of node.children ?? []) parent.set(child, node.id)

function underRoot(node: ProfileNode): boolean {
  if (all) return node.callFrame.functionName !== '(idle)'
  // Bounded by the tree's size, whatever a malformed file holds.
  let id: number | undefined = node.id
  for (let depth = 0; id !== undefined && depth < nodes.length; depth++) {
    if (byId.get(id)?.callFrame.functionName === ROOT_FUNCTION) return true
    id = parent.get(id)
  }
  return false
}

const selfHits = new Map<string, number>()
const lineHits = new Map<string, Map<number, number>>()
let total = 0
for (const node of nodes) {
  const hits = node.hitCount ?? 0
  if (hits === 0 || !underRoot(node)) continue
  const { functionName, url, lineNumber } = node.callFrame
  const where = url === '' ? '' : ` ${path.basename(url)}:${lineNumber + 1}`
  const key = `${functionName || '(anonymous)'}${where}`
  selfHits.set(key, (selfHits.get(key) ?? 0) + hits)
  total += hits
  const lines = lineHits.get(key) ?? new Map<number, number>()
  for (const { line, ticks } of node.positionTicks ?? []) {
    lines.set(line, (lines.get(line) ?? 0) + ticks)
  }
  lineHits.set(key, lines)
}
console.log(all ? `${total} samples (idle excepted)` : `${total} samples under ${ROOT_FUNCTION}()`)
const top = [...selfHits].sort((a, b) => b[1] - a[1]).slice(0, Number(countArg ?? 15))
for (const [name, hits] of top) {
  console.log(`${((hits / total) * 100).toFixed(1).padStart(5)} %  ${name}`)
  if (!byLine || hits < total / 20) continue
  const lines = [...(lineHits.get(name) ?? [])].sort((a, b) => b[1] - a[1]).slice(0, 8)
  for (const [line, ticks] of lines) {
    console.log(
      `${''.padStart(10)}${((ticks / total) * 100).toFixed(1).padStart(5)} %  line ${line}`,
    )
  }
}
