import { describe, expect, it } from 'vitest'
import { runLayer } from './layer-run'

describe('runLayer', () => {
  it('sends every event through the streams and the bare loop, and pairs the rounds', async () => {
    // runLayer throws unless every path handed over every event of every round.
    const result = await runLayer(2_000, 3, true)
    const { bare, stream, over, kept, keptOver } = result
    for (const spread of [bare, stream, over, kept, keptOver]) expect(spread.n).toBe(3)
    expect(stream.median).toBeGreaterThan(0)
    expect(kept.median).toBeGreaterThan(0)
  })
})
