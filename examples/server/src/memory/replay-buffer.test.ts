import { describe, expect, it } from 'vitest'
import { ReplayBuffer } from './replay-buffer'
import type { BufferedEvent } from './replay-buffer'

const event = (seq: number): BufferedEvent => ({
  seq,
  id: String(seq),
  frame: `frame ${seq}`,
  data: `${seq}`,
})

function filled(capacity: number, count: number, floorId = 0): ReplayBuffer {
  const buffer = new ReplayBuffer(capacity, floorId)
  for (let seq = floorId + 1; seq <= floorId + count; seq++) buffer.push(event(seq))
  return buffer
}

const ids = (buffer: ReplayBuffer, lastId: number) => {
  const result = buffer.since(lastId)
  return result.kind === 'replay' ? result.events.map((e) => e.seq) : result
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
    expect([buffer.size, buffer.oldestId, buffer.latestId, buffer.floorId]).toEqual([3, 5, 7, 4])
    expect(ids(buffer, 4)).toEqual([5, 6, 7])
    expect(buffer.events().map((e) => e.seq)).toEqual([5, 6, 7])
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

  it('continues after a floor restored from an earlier process', () => {
    const buffer = filled(5, 2, 40)
    expect([buffer.oldestId, buffer.latestId]).toEqual([41, 42])
    expect(ids(buffer, 40)).toEqual([41, 42])
    expect(buffer.since(39)).toEqual({ kind: 'too-old', oldestId: 41, latestId: 42 })
    expect(new ReplayBuffer(5, 40).latestId).toBe(40)
  })

  it('rejects ids that are not consecutive and a capacity below one', () => {
    const buffer = filled(3, 2)
    expect(() => buffer.push(event(2))).toThrow(RangeError)
    expect(() => buffer.push(event(4))).toThrow(RangeError)
    expect(() => new ReplayBuffer(0)).toThrow(RangeError)
  })
})
