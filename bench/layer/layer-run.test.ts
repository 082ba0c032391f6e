import { describe, expect, it } from 'vitest'
import { runLayer } from './layer-run'

describe('runLayer', () => {
  it('sends every event through the stream and the bare loop, and pairs the rounds', async () => {
    // runLayer throws unless both paths handed over every event of every round.
    const result = await runLayer(2_000, 3, true)
    for (const spread of [result.bare, result.stream, result.over]) expect(spread.n).toBe(3)
    expect(result.stream.median).toBeGreaterThan(0)
  })
})
