import { describe, expect, it } from 'vitest'
import { interleave, paired } from './rounds'

describe('interleave', () => {
  it('runs every id once per round in rotated order and files results by round', async () => {
    const order: string[] = []
    const results = await interleave(['a', 'b', 'c'], 3, async (id, round) => {
      order.push(`${round}${id}`)
      return round === 1 && id === 'b'
        ? { ok: false, problems: ['lost an event'] }
        : { ok: true, value: `${id}${round}` }
    })
    expect(order).toEqual(['0a', '0b', '0c', '1b', '1c', '1a', '2c', '2a', '2b'])
    expect(results.get('a')).toEqual(['a0', 'a1', 'a2'])
    expect(results.get('b')).toEqual(['b0', undefined, 'b2'])
  })

  it('reports each failed run with its round and problems', async () => {
    const lines: string[] = []
    await interleave(
      ['x'],
      2,
      async () => ({ ok: false, problems: ['a', 'b'] }),
      (line) => lines.push(line),
    )
    expect(lines).toEqual(['!!! round 1 x: a; b', '!!! round 2 x: a; b'])
  })
})

describe('paired', () => {
  it('divides only within rounds where both ran', () => {
    expect(paired([10, undefined, 30, 8], [5, 4, undefined, 4])).toEqual([2, 2])
  })

  it('skips a zero divisor instead of reporting Infinity', () => {
    expect(paired([1, 2], [0, 1])).toEqual([2])
  })
})
