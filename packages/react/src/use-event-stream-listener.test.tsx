import { act, render } from '@testing-library/react'
import { StrictMode } from 'react'
import { describe, expect, it } from 'vitest'
import type { EventStream } from '@rivulet/core'
import { open, send, settle } from '../test/fake-transport'
import { quote, stockStream } from '../test/stocks'
import type { StockEvents, StockPriceEvent } from '../test/stocks'
import { useEventStreamListener } from './use-event-stream-listener'

function Listener(props: {
  stream: EventStream<StockEvents>
  onQuote: (quote: StockPriceEvent) => void
}) {
  useEventStreamListener(props.stream, 'stockUpdate', props.onQuote)
  return null
}

describe('useEventStreamListener', () => {
  it('hears every payload of its type, even several that arrive together', async () => {
    const { stream, transport } = stockStream()
    const heard: string[] = []
    render(<Listener stream={stream} onQuote={(q) => heard.push(`${q.symbol} ${q.price}`)} />)
    await act(settle)
    act(() => {
      open(transport.connections[0])
      send(transport.connections[0], 'stockUpdate', quote(1, 'MSFT', 1))
      send(transport.connections[0], 'notice', 'skipped')
      send(transport.connections[0], 'stockUpdate', quote(2, 'AAPL', 2))
      send(transport.connections[0], 'stockUpdate', quote(3, 'MSFT', 3))
    })
    expect(heard).toEqual(['MSFT 1', 'AAPL 2', 'MSFT 3'])
  })

  it('calls the latest listener without subscribing again', async () => {
    const { stream, transport } = stockStream()
    const heard: string[] = []
    const { rerender } = render(<Listener stream={stream} onQuote={() => heard.push('first')} />)
    await act(settle)
    rerender(<Listener stream={stream} onQuote={() => heard.push('second')} />)
    act(() => send(transport.connections[0], 'stockUpdate', quote(1, 'GOOG', 170)))
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
    act(() => send(transport.connections[0], 'stockUpdate', quote(1, 'AMZN', 200)))
    unmount()
    send(transport.connections[0], 'stockUpdate', quote(2, 'AMZN', 201))
    expect(heard).toEqual([1])
    expect(transport.connections).toHaveLength(1)
  })
})
