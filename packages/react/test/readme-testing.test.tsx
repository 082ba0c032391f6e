import { act, render, screen } from '@testing-library/react'
import { expect, it } from 'vitest'
import { createEventStream } from '@rivulet/core'
import type { EventStream } from '@rivulet/core'
import { fakeTransport } from '@rivulet/core/testing'
import { useEventList, useEventStream } from '@rivulet/react'

type StockEvents = { stockUpdate: { symbol: string; price: number } }

// The component under test; yours comes from your app.
function Ticker({ stocks }: { stocks: EventStream<StockEvents> }) {
  const { status, restart } = useEventStream(stocks, 'stockUpdate')
  const updates = useEventList(stocks, 'stockUpdate', { max: 2 })
  return (
    <section>
      <p role="status">{status.state}</p>
      <ul>
        {updates.map((quote, i) => (
          <li key={i}>{`${quote.symbol} ${quote.price}`}</li>
        ))}
      </ul>
      {status.state === 'closed' && <button onClick={restart}>Reconnect</button>}
    </section>
  )
}

it('lists the latest quotes, newest first', async () => {
  const transport = fakeTransport()
  const stocks = createEventStream<StockEvents>('https://api.example.com/stocks', { transport })
  render(<Ticker stocks={stocks} />)

  const server = await act(() => transport.connected())
  act(() => {
    server.open()
    server.send('stockUpdate', { symbol: 'MSFT', price: 420.5 })
    server.send('stockUpdate', { symbol: 'AAPL', price: 230 })
    server.send('stockUpdate', { symbol: 'NVDA', price: 141.97 })
  })
  expect(screen.getByRole('status').textContent).toBe('open')
  const items = screen.getAllByRole('listitem').map((item) => item.textContent)
  expect(items).toEqual(['NVDA 141.97', 'AAPL 230'])
})

it('reconnects from the button after the server gave a fatal answer', async () => {
  const transport = fakeTransport()
  const stocks = createEventStream<StockEvents>('https://api.example.com/stocks', { transport })
  render(<Ticker stocks={stocks} />)

  const first = await act(() => transport.connected())
  act(() => {
    first.send('stockUpdate', { symbol: 'MSFT', price: 420.5 }, { id: '41' })
    first.fail({ status: 404 }) // fatal: the stream closes
  })
  act(() => screen.getByRole('button', { name: 'Reconnect' }).click())

  const second = await act(() => transport.connected())
  expect(second.request.lastEventId).toBe('41')
  expect(screen.getByRole('status').textContent).toBe('connecting')
})
