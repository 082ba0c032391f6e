import { act, render, screen } from '@testing-library/react'
import { StrictMode } from 'react'
import { describe, expect, it } from 'vitest'
import type { EventStream } from '@rivulet/core'
import { quote, settle, stockStream } from '../test/stocks'
import type { StockEvents, StockPriceEvent } from '../test/stocks'
import { useEventReducer } from './use-event-reducer'

type Prices = Readonly<Record<string, number>>
const byQuote = (prices: Prices, q: StockPriceEvent): Prices => ({ ...prices, [q.symbol]: q.price })

function Board(props: {
  stream: EventStream<StockEvents>
  reducer?: (prices: Prices, q: StockPriceEvent) => Prices
  enabled?: boolean
}) {
  const prices = useEventReducer(
    props.stream,
    'stockUpdate',
    props.reducer ?? byQuote,
    {},
    {
      enabled: props.enabled,
    },
  )
  return <output>{JSON.stringify(prices)}</output>
}

const shown = () => JSON.parse(screen.getByRole('status').textContent ?? 'null') as unknown

describe('useEventReducer', () => {
  it('applies the reducer once per event, also to a burst rendered once', async () => {
    const { stream, transport } = stockStream({ keepAlive: 1000 })
    const calls: number[] = []
    const counting = (prices: Prices, q: StockPriceEvent) => (calls.push(q.id), byQuote(prices, q))
    render(
      <StrictMode>
        <Board stream={stream} reducer={counting} />
      </StrictMode>,
    )
    const server = await act(() => transport.connected())
    act(() => {
      server.send('stockUpdate', quote(1, 'MSFT', 410))
      server.send('stockUpdate', quote(2, 'AAPL', 230))
      server.send('stockUpdate', quote(3, 'MSFT', 411))
    })
    expect(calls).toEqual([1, 2, 3])
    expect(shown()).toEqual({ MSFT: 411, AAPL: 230 })
  })

  it('calls the reducer of the latest render without subscribing again', async () => {
    const { stream, transport } = stockStream()
    const { rerender } = render(<Board stream={stream} />)
    const server = await act(() => transport.connected())
    act(() => server.send('stockUpdate', quote(1, 'MSFT', 410)))
    const doubled = (prices: Prices, q: StockPriceEvent) => ({ ...prices, [q.symbol]: q.price * 2 })
    rerender(<Board stream={stream} reducer={doubled} />)
    act(() => server.send('stockUpdate', quote(2, 'AAPL', 230)))
    expect(shown()).toEqual({ MSFT: 410, AAPL: 460 })
    expect(transport.connections).toHaveLength(1)
  })

  it('keeps its value while disabled, and hears nothing meanwhile', async () => {
    const { stream, transport } = stockStream({ keepAlive: 1000 })
    const { rerender } = render(<Board stream={stream} />)
    const server = await act(() => transport.connected())
    act(() => server.send('stockUpdate', quote(1, 'MSFT', 410)))
    rerender(<Board stream={stream} enabled={false} />)
    // keepAlive holds the connection, but this reader no longer listens.
    act(() => server.send('stockUpdate', quote(2, 'AAPL', 230)))
    await act(settle)
    expect(shown()).toEqual({ MSFT: 410 })
  })
})
