import { act, render, screen } from '@testing-library/react'
import { EventSource } from 'eventsource'
import { setupServer } from 'msw/node'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createEventStream } from '@rivulet/core'
import { sseHandler } from '@rivulet/core/msw'
import { useEventList } from '@rivulet/react'

globalThis.EventSource ??= EventSource as unknown as typeof globalThis.EventSource

type StockEvents = { stockUpdate: { symbol: string; price: number } }
const endpoint = sseHandler<StockEvents>('https://api.example.com/stocks')
const server = setupServer(endpoint.handler)
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterAll(() => server.close())

const stocks = createEventStream<StockEvents>('https://api.example.com/stocks', {
  retry: { initialDelay: 1, minDelay: 1 },
})

function Symbols() {
  const updates = useEventList(stocks, 'stockUpdate')
  return <output>{updates.map((quote) => quote.symbol).join(', ')}</output>
}

it('resumes from the last event ID after the connection drops', async () => {
  render(<Symbols />)
  const first = await act(() => endpoint.connected())
  first.send('stockUpdate', { symbol: 'MSFT', price: 420.5 }, { id: '1' })
  await expect.poll(() => screen.getByRole('status').textContent).toBe('MSFT')
  first.fail() // a network error: the stream reconnects

  const second = await act(() => endpoint.connected())
  second.send('stockUpdate', { symbol: 'AAPL', price: 230 }, { id: '2' })
  await expect.poll(() => screen.getByRole('status').textContent).toBe('AAPL, MSFT')
  expect(second.lastEventId).toBe('1')
})
