// Verdict of a load run: did every client get every event? Pure, so it is unit-tested.

export interface ClientRecord {
  /** stockUpdate ids in the order they arrived. */
  readonly ids: readonly number[]
  /** Milliseconds from the quote's timestamp to its arrival. */
  readonly latencies: readonly number[]
  /** Set if the stream failed or ended before the run was over. */
  readonly error?: string
}

export interface LoadReport {
  readonly pass: boolean
  readonly clients: number
  /** Events every client must have had: from the last first-id to the first last-id. */
  readonly window: { readonly from: number; readonly to: number; readonly events: number }
  readonly deliveries: number
  /** Clients whose ids skip, repeat or go backwards. */
  readonly clientsWithGaps: number
  /** Clients that miss part of the common window (e.g. connected late or dropped early). */
  readonly clientsMissingWindow: number
  readonly clientsWithErrors: number
  readonly latencyMs: { readonly p50: number; readonly p99: number; readonly max: number }
  readonly problems: readonly string[]
}

export function summarize(records: readonly ClientRecord[]): LoadReport {
  const problems: string[] = []
  let from = 0
  let to = Number.POSITIVE_INFINITY
  let deliveries = 0
  let clientsWithGaps = 0
  let clientsWithErrors = 0
  records.forEach((record, index) => {
    deliveries += record.ids.length
    if (record.error !== undefined) {
      clientsWithErrors++
      note(problems, `client ${index}: ${record.error}`)
    }
    const first = record.ids[0]
    const last = record.ids.at(-1)
    if (first === undefined || last === undefined) {
      to = 0
      note(problems, `client ${index}: received no events`)
      return
    }
    from = Math.max(from, first)
    to = Math.min(to, last)
    const gap = record.ids.findIndex((id, i) => i > 0 && id !== (record.ids[i - 1] ?? 0) + 1)
    if (gap !== -1) {
      clientsWithGaps++
      note(problems, `client ${index}: id ${record.ids[gap]} after ${record.ids[gap - 1]}`)
    }
  })
  const events = records.length === 0 ? 0 : Math.max(0, to - from + 1)
  const clientsMissingWindow = records.filter(
    (record) => !(record.ids.includes(from) && record.ids.includes(to)),
  ).length
  if (events === 0) note(problems, 'no event was received by every client')

  const latencies = records.flatMap((record) => record.latencies).sort((a, b) => a - b)
  const pick = (q: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0
  return {
    pass: problems.length === 0 && clientsMissingWindow === 0,
    clients: records.length,
    window: { from, to: events === 0 ? from : to, events },
    deliveries,
    clientsWithGaps,
    clientsMissingWindow,
    clientsWithErrors,
    latencyMs: { p50: pick(0.5), p99: pick(0.99), max: latencies.at(-1) ?? 0 },
    problems,
  }
}

// A thousand identical complaints help no one; keep the first few.
function note(problems: string[], problem: string): void {
  if (problems.length < 10) problems.push(problem)
}
