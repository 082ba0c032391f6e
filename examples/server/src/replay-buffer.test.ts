import { describe, expect, it } from 'vitest'
import { ReplayBuffer } from './replay-buffer'

function filled(capacity: number, count: number): ReplayBuffer {
  const buffer = new ReplayBuffer(capacity)
  for (let id = 1; id <= count; id++) buffer.push({ id, frame: `frame ${id}` })
  return buffer
}

const ids = (buffer: ReplayBuffer, lastId: number) => {
  const result = buffer.since(lastId)
  return result.kind === 'replay' ? result.events.map((event) => event.id) : result
}

describe('ReplayBuffer', () => {
  it('returns every event after the given id, oldest first', () => {
    expect(ids(filled(5, 4), 1)).toEqual([2, 3, 4])
  })

  it('returns nothing for a client that is up to date', () => {
    expect(ids(filled(5, 4), 4)).toEqual([])
  })

  it('keeps only the newest events once it wraps around', () => {
    const buffer = filled(3, 7)
    expect([buffer.size, buffer.oldestId, buffer.latestId]).toEqual([3, 5, 7])
    expect(ids(buffer, 4)).toEqual([5, 6, 7])
  })

  it('reports an id whose successor was evicted as too old', () => {
    expect(filled(3, 7).since(3)).toEqual({ kind: 'too-old', oldestId: 5, latestId: 7 })
  })

  it('reports an id newer than anything it holds as unknown', () => {
    expect(filled(3, 7).since(8)).toEqual({ kind: 'unknown', latestId: 7 })
    expect(new ReplayBuffer(3).since(1)).toEqual({ kind: 'unknown', latestId: 0 })
  })

  it('replays everything to a client that saw nothing, before the buffer wraps', () => {
    expect(ids(filled(5, 3), 0)).toEqual([1, 2, 3])
  })

  it('rejects ids that do not increase and a capacity below one', () => {
    const buffer = filled(3, 2)
    expect(() => buffer.push({ id: 2, frame: '' })).toThrow(RangeError)
    expect(() => new ReplayBuffer(0)).toThrow(RangeError)
  })
})
