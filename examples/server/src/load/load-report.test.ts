import { describe, expect, it } from 'vitest'
import { summarize } from './load-report'

const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i)

describe('summarize', () => {
  it('passes when every client has every event of the common window without gaps', () => {
    const report = summarize([
      { ids: range(3, 10), latencies: [1, 2] },
      { ids: range(5, 12), latencies: [3] },
    ])
    expect(report).toMatchObject({
      pass: true,
      clients: 2,
      window: { from: 5, to: 10, events: 6 },
      deliveries: 16,
      clientsWithGaps: 0,
      problems: [],
    })
    expect(report.latencyMs).toEqual({ p50: 2, p99: 3, max: 3 })
  })

  it('fails a client that skipped an event', () => {
    const report = summarize([
      { ids: range(1, 10), latencies: [] },
      { ids: [1, 2, 4, 5, 6, 7, 8, 9, 10], latencies: [] },
    ])
    expect(report.pass).toBe(false)
    expect(report.clientsWithGaps).toBe(1)
    expect(report.problems).toEqual(['client 1: id 4 after 2'])
  })

  it('fails a client that got an event twice', () => {
    const report = summarize([{ ids: [1, 2, 2, 3], latencies: [] }])
    expect([report.pass, report.clientsWithGaps]).toEqual([false, 1])
  })

  it('fails when a client errored or received nothing', () => {
    expect(summarize([{ ids: range(1, 3), latencies: [], error: 'ECONNRESET' }]).pass).toBe(false)
    const empty = summarize([
      { ids: range(1, 3), latencies: [] },
      { ids: [], latencies: [] },
    ])
    expect([empty.pass, empty.window.events]).toEqual([false, 0])
  })

  it('fails an empty run', () => {
    expect(summarize([]).pass).toBe(false)
  })
})
