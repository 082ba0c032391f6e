import type { StandardSchemaV1 } from '@standard-schema/spec'
import { type } from 'arktype'
import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { fakeTransport } from '../../test/fake-transport'
import type { StreamError } from '../errors'
import { createEventStream } from './create-event-stream'

const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

interface Quote {
  symbol: string
  price: number
}

const validators: [string, StandardSchemaV1<unknown, Quote>][] = [
  ['zod', z.object({ symbol: z.string(), price: z.number().positive() })],
  ['valibot', v.object({ symbol: v.string(), price: v.pipe(v.number(), v.minValue(0.01)) })],
  ['arktype', type({ symbol: 'string', price: 'number > 0' })],
]

describe.each(validators)('schemas with %s', (_, StockQuote) => {
  it('delivers valid payloads and reports an invalid one as a validation error, skipping it', async () => {
    const transport = fakeTransport()
    const stocks = createEventStream('/stocks', { transport, schemas: { stockUpdate: StockQuote } })
    const quotes: unknown[] = []
    const errors: StreamError[] = []
    stocks.on('stockUpdate').subscribe((quote) => quotes.push(quote))
    stocks.errors$.subscribe((error) => errors.push(error))
    const server = await transport.connected()
    server.send('stockUpdate', { symbol: 'MSFT', price: 420.5 }, { id: '1' })
    server.send('stockUpdate', { symbol: 'AAPL', price: -1 }, { id: '2' })
    server.send('stockUpdate', { symbol: 'NVDA', price: 141 }, { id: '3' })
    await settle()
    expect(quotes).toEqual([
      { symbol: 'MSFT', price: 420.5 },
      { symbol: 'NVDA', price: 141 },
    ])
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatchObject({
      kind: 'validation',
      type: 'stockUpdate',
      data: '{"symbol":"AAPL","price":-1}',
      id: '2',
    })
    if (errors[0]?.kind !== 'validation') throw new Error('expected a validation error')
    expect(errors[0].issues.length).toBeGreaterThanOrEqual(1)
    const path = [...(errors[0].issues[0]?.path ?? [])]
    expect(
      path.map((p) => (typeof p === 'object' && p !== null && 'key' in p ? p.key : p)),
    ).toEqual(['price'])
    expect(stocks.lastEventId).toBe('3')
    stocks.close()
  })

  it('closes the stream on an invalid payload when asked', async () => {
    const transport = fakeTransport()
    const stocks = createEventStream('/stocks', {
      transport,
      schemas: { stockUpdate: StockQuote },
      onDecodeError: 'close',
    })
    stocks.on('stockUpdate').subscribe()
    const server = await transport.connected()
    server.send('stockUpdate', { symbol: 'AAPL' })
    await settle()
    expect(stocks.status).toMatchObject({
      state: 'closed',
      reason: 'error',
      error: { kind: 'validation' },
    })
  })
})

describe('asynchronous schemas', () => {
  it('keep events in order, also those without a schema, and skip the invalid', async () => {
    const transport = fakeTransport()
    const known = new Set(['MSFT', 'NVDA'])
    const Quote = z.object({ symbol: z.string() }).refine(async (q) => {
      // Resolve later for MSFT than for the others, to show order is kept anyway.
      await new Promise((resolve) => setTimeout(resolve, q.symbol === 'MSFT' ? 20 : 0))
      return known.has(q.symbol)
    }, 'unknown symbol')
    const stocks = createEventStream('/stocks', { transport, schemas: { stockUpdate: Quote } })
    const seen: string[] = []
    const lastArrived = new Promise<void>((resolve) =>
      stocks.events$.subscribe((event) => {
        seen.push(event.type === 'stockUpdate' ? event.data.symbol : String(event.data))
        if (seen.at(-1) === 'NVDA') resolve()
      }),
    )
    const errors: StreamError[] = []
    stocks.errors$.subscribe((error) => errors.push(error))
    const server = await transport.connected()
    server.send('stockUpdate', { symbol: 'MSFT' }, { id: '1' })
    server.send('note', 'between', { id: '2' })
    server.send('stockUpdate', { symbol: 'XXXX' }, { id: '3' })
    server.send('stockUpdate', { symbol: 'NVDA' }, { id: '4' })
    await lastArrived
    expect(seen).toEqual(['MSFT', 'between', 'NVDA'])
    expect(errors.map((e) => e.kind === 'validation' && e.issues[0]?.message)).toEqual([
      'unknown symbol',
    ])
    expect(stocks.lastEventId).toBe('4')
    stocks.close()
  })
})
