import { kib, markdownTable } from '../lib/format'
import type { CycleReport } from './cycles'
import type { EventsReport } from './events'
import type { Heap } from './heap'

export interface Leftover {
  /** Event-stream responses the server still had open when the client reported. */
  streamsWhileAlive: number
  streamsAfterExit: number
}

/** Below this, growth is within what one collection to the next varies by: flat. */
const FLAT_BYTES = 512 * 1024

function signed(bytes: number): string {
  return `${bytes >= 0 ? '+' : '−'}${kib(Math.abs(bytes))}`
}

function handles(heap: Heap): number {
  return Object.values(heap.resources).reduce((a, b) => a + b, 0)
}

function handleChange(from: Heap, to: Heap): string {
  const kinds = new Set([...Object.keys(from.resources), ...Object.keys(to.resources)])
  const changed = [...kinds]
    .map((kind) => [kind, (to.resources[kind] ?? 0) - (from.resources[kind] ?? 0)] as const)
    .filter(([, delta]) => delta !== 0)
    .map(([kind, delta]) => `${kind} ${delta > 0 ? '+' : ''}${delta}`)
  return `${handles(to)}${changed.length === 0 ? '' : ` (${changed.join(', ')})`}`
}

/** The heap at the first tenth, the middle and the end; growth judged on the second half. */
function course(samples: readonly [number, Heap][]) {
  const heaps = samples.map(([, heap]) => heap.heapUsed)
  const first = heaps[0] ?? Number.NaN
  const middle = heaps[Math.floor((heaps.length - 1) / 2)] ?? Number.NaN
  const last = heaps.at(-1) ?? Number.NaN
  return { first, middle, last, highest: Math.max(...heaps) }
}

function verdict(secondHalf: number, failures: readonly string[]): string {
  if (failures.length > 0) return `failed: ${failures.slice(0, 2).join('; ')}`
  return Math.abs(secondHalf) < FLAT_BYTES ? 'flat' : 'grows'
}

export function cycleTable(
  results: readonly { client: string; report?: CycleReport; leftover?: Leftover; error?: string }[],
): string {
  return markdownTable(
    [
      'Client',
      'ms / cycle',
      'heap: start',
      'first tenth',
      'middle',
      'end',
      'second half',
      'array buffers, second half',
      'handles at the end (change from start)',
      'server streams open: alive / exited',
      'verdict',
    ],
    results.map(({ client, report, leftover, error }) => {
      if (report === undefined)
        return [`\`${client}\``, `failed: ${error ?? '?'}`, '', '', '', '', '', '', '', '', '']
      const heap = course(report.samples)
      const middle =
        report.samples[Math.floor((report.samples.length - 1) / 2)]?.[1] ?? report.start
      return [
        `\`${client}\``,
        (report.ms / report.cycles).toFixed(2),
        kib(report.start.heapUsed),
        kib(heap.first),
        kib(heap.middle),
        kib(heap.last),
        signed(heap.last - heap.middle),
        signed(report.end.arrayBuffers - middle.arrayBuffers),
        handleChange(report.start, report.settled),
        leftover === undefined
          ? '—'
          : `${leftover.streamsWhileAlive} / ${leftover.streamsAfterExit}`,
        verdict(heap.last - heap.middle, report.failures),
      ]
    }),
  )
}

export function eventsTable(
  results: readonly { client: string; report?: EventsReport; error?: string }[],
): string {
  return markdownTable(
    [
      'Client',
      's',
      'heap: first tenth',
      'middle',
      'highest',
      'last event',
      'second half',
      'after close()',
      'verdict',
    ],
    results.map(({ client, report, error }) => {
      if (report === undefined)
        return [`\`${client}\``, `failed: ${error ?? '?'}`, '', '', '', '', '', '', '']
      const heap = course(report.samples)
      return [
        `\`${client}\``,
        (report.ms / 1000).toFixed(1),
        kib(heap.first),
        kib(heap.middle),
        kib(heap.highest),
        kib(heap.last),
        signed(heap.last - heap.middle),
        kib(report.closed.heapUsed),
        verdict(heap.last - heap.middle, report.failures),
      ]
    }),
  )
}
