import { act, render } from '@testing-library/react'
import { StrictMode } from 'react'
import { describe, expect, it } from 'vitest'
import type { EventStream } from '@rivulet/core'
import { quote, settle, stockStream } from '../test/stocks'
import type { StockEvents, StockPriceEvent } from '../test/stocks'
import { useEventStreamListener } from './use-event-stream-listener'

function Listener(props: {
  stream: EventStream<StockEvents>
  onQuote: (quote: StockPriceEvent) => void
  enabled?: boolean
}) {
  useEventStreamListener(props.stream, 'stockUpdate', props.onQuote, { enabled: props.enabled })
  return null
}

describe('useEventStreamListener', () => {
  it('hears every payload of its type, even several that arrive together', async () => {
    const { stream, transport } = stockStream()
    const heard: string[] = []
    render(<Listener stream={stream} onQuote={(q) => heard.push(`${q.symbol} ${q.price}`)} />)
    await act(settle)
    act(() => {
      transport.connections[0]?.open()
      transport.connections[0]?.send('stockUpdate', quote(1, 'MSFT', 1))
      transport.connections[0]?.send('notice', 'skipped')
      transport.connections[0]?.send('stockUpdate', quote(2, 'AAPL', 2))
      transport.connections[0]?.send('stockUpdate', quote(3, 'MSFT', 3))
    })
    expect(heard).toEqual(['MSFT 1', 'AAPL 2', 'MSFT 3'])
  })

  it('calls the latest listener without subscribing again', async () => {
    const { stream, transport } = stockStream()
    const heard: string[] = []
    const { rerender } = render(<Listener stream={stream} onQuote={() => heard.push('first')} />)
    await act(settle)
    rerender(<Listener stream={stream} onQuote={() => heard.push('second')} />)
    act(() => transport.connections[0]?.send('stockUpdate', quote(1, 'GOOG', 170)))
    expect(heard).toEqual(['second'])
    expect(transport.connections).toHaveLength(1)
  })

  it('hears each payload once under StrictMode and stops on unmount', async () => {
    const { stream, transport } = stockStream({ keepAlive: 1000 })
    const heard: number[] = []
    const { unmount } = render(
      <StrictMode>
        <Listener stream={stream} onQuote={(q) => heard.push(q.id)} />
      </StrictMode>,
    )
    await act(settle)
    act(() => transport.connections[0]?.send('stockUpdate', quote(1, 'AMZN', 200)))
    unmount()
    transport.connections[0]?.send('stockUpdate', quote(2, 'AMZN', 201))
    expect(heard).toEqual([1])
    expect(transport.connections).toHaveLength(1)
  })

  it('keeps hearing after the stream gave up and was restarted', async () => {
    const { stream, transport } = stockStream({ retry: { maxAttempts: 0 } })
    const heard: number[] = []
    render(<Listener stream={stream} onQuote={(q) => heard.push(q.id)} />)
    const first = await act(() => transport.connected())
    act(() => {
      first.send('stockUpdate', quote(1, 'MSFT', 410))
      first.fail()
    })
    act(() => stream.restart())
    const second = await act(() => transport.connected())
    act(() => second.send('stockUpdate', quote(2, 'AAPL', 230)))
    expect(heard).toEqual([1, 2])
  })

  it('neither hears nor connects while disabled', async () => {
    const { stream, transport } = stockStream()
    const heard: number[] = []
    const onQuote = (q: StockPriceEvent) => heard.push(q.id)
    const { rerender } = render(<Listener stream={stream} onQuote={onQuote} enabled={false} />)
    await act(settle)
    expect(transport.connections).toEqual([])
    rerender(<Listener stream={stream} onQuote={onQuote} />)
    const server = await act(() => transport.connected())
    act(() => server.send('stockUpdate', quote(1, 'MSFT', 410)))
    rerender(<Listener stream={stream} onQuote={onQuote} enabled={false} />)
    expect([heard, server.closed]).toEqual([[1], true])
  })
})
