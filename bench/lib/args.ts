import { parseArgs } from 'node:util'

/** Flags every client suite takes; each suite documents its defaults in its USAGE. */
export interface CommonOptions {
  quick: boolean
  rounds: number | undefined
  events: number | undefined
  /** Client ids to run (all when empty). */
  clients: string[]
  out: boolean
  /** End-to-end suites: serve each body from memory in chunks of this many bytes (clients/memory-fetch.ts). */
  memory: number | undefined
  /** Chromium suite: a folder to save each client's CPU profile of the timed rounds in. */
  profile: string | undefined
}

/** Whether the suite takes `--memory <bytes>` and `--profile <dir>`; others refuse them as unknown. */
export function parseCommon(
  usage: string,
  { memory = false, profile = false } = {},
): CommonOptions {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      rounds: { type: 'string' },
      events: { type: 'string' },
      clients: { type: 'string' },
      'no-out': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
      ...(memory ? { memory: { type: 'string' as const } } : {}),
      ...(profile ? { profile: { type: 'string' as const } } : {}),
    },
    strict: true,
  })
  if (values.help) {
    console.log(usage)
    process.exit(0)
  }
  return {
    quick: values.quick,
    rounds: positive('rounds', values.rounds),
    events: positive('events', values.events),
    clients: values.clients?.split(',').filter((id) => id !== '') ?? [],
    out: !values['no-out'],
    memory: positive('memory', (values as { memory?: string }).memory),
    profile: (values as { profile?: string }).profile,
  }
}

function positive(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  const n = Number(value.replaceAll('_', ''))
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`--${name} wants a positive integer, not ${value}`)
  return n
}

export function pick<T extends { id: string }>(all: readonly T[], ids: readonly string[]): T[] {
  const unknown = ids.filter((id) => !all.some((item) => item.id === id))
  if (unknown.length > 0)
    throw new Error(
      `unknown client ${unknown.join(', ')}; known: ${all.map((c) => c.id).join(', ')}`,
    )
  return ids.length === 0 ? [...all] : all.filter((item) => ids.includes(item.id))
}
