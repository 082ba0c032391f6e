import { act, render, screen } from '@testing-library/react'
import { StrictMode, useLayoutEffect } from 'react'
import { describe, expect, it } from 'vitest'
import type { EventStream } from '@rivulet/core'
import type { FakeTransport } from '@rivulet/core/testing'
import { live, quote, settle, stockStream } from '../test/stocks'
import type { StockEvents, StockPriceEvent } from '../test/stocks'
import { useEventStream } from './use-event-stream'
import type { UseEventStreamResult } from './use-event-stream'

/** Renders the snapshot as `state|symbol price|error kind`, for exact assertions. */
function Price({ stream, name = 'price' }: { stream: EventStream<StockEvents>; name?: string }) {
  const { data, status, error } = useEventStream(stream, 'stockUpdate')
  const price = data === undefined ? 'none' : `${data.symbol} ${data.price}`
  return <output aria-label={name}>{`${status.state}|${price}|${error?.kind ?? ''}`}</output>
}

const shown = (name = 'price') => screen.getByRole('status', { name }).textContent

describe('useEventStream', () => {
  it('shows the status and the latest payload of its type as they arrive', async () => {
    const { stream, transport } = stockStream()
    render(<Price stream={stream} />)
    expect(shown()).toBe('connecting|none|')
    await act(settle)
    act(() => transport.connections[0]?.open())
    expect(shown()).toBe('open|none|')
    act(() => {
      transport.connections[0]?.send('stockUpdate', quote(1, 'MSFT', 410.5))
      transport.connections[0]?.send('notice', 'not a quote')
    })
    expect(shown()).toBe('open|MSFT 410.5|')
    act(() => transport.connections[0]?.send('stockUpdate', quote(2, 'NVDA', 141.97)))
    expect(shown()).toBe('open|NVDA 141.97|')
  })

  it('shares one connection between two components', async () => {
    const { stream, transport } = stockStream()
    render(
      <>
        <Price stream={stream} name="a" />
        <Price stream={stream} name="b" />
      </>,
    )
    await act(settle)
    act(() => {
      transport.connections[0]?.open()
      transport.connections[0]?.send('stockUpdate', quote(1, 'AAPL', 230))
    })
    expect(transport.connections).toHaveLength(1)
    expect([shown('a'), shown('b')]).toEqual(['open|AAPL 230|', 'open|AAPL 230|'])
  })

  it('opens one connection under StrictMode when the stream keeps it alive', async () => {
    const { stream, transport } = stockStream({ keepAlive: 1000 })
    render(
      <StrictMode>
        <Price stream={stream} />
      </StrictMode>,
    )
    await act(settle)
    act(() => transport.connections[0]?.open())
    expect(transport.connections).toHaveLength(1)
    expect(live(transport)).toHaveLength(1)
    expect(shown()).toBe('open|none|')
  })

  it('renders again only when its own type or the status changes, with a stable snapshot', async () => {
    const { stream, transport } = stockStream()
    const snapshots: UseEventStreamResult<StockPriceEvent>[] = []
    function Recorder() {
      snapshots.push(useEventStream(stream, 'stockUpdate'))
      return null
    }
    render(<Recorder />)
    await act(settle)
    act(() => transport.connections[0]?.open())
    const rendersWhenOpen = snapshots.length
    act(() => transport.connections[0]?.send('notice', 'another type'))
    act(() => transport.connections[0]?.send('notice', 'and another'))
    expect(snapshots).toHaveLength(rendersWhenOpen)
    act(() => transport.connections[0]?.send('stockUpdate', quote(1, 'GOOG', 170)))
    expect(snapshots).toHaveLength(rendersWhenOpen + 1)
    expect(new Set(snapshots.map((s) => s.status.state))).toEqual(
      new Set(['idle', 'connecting', 'open']),
    )
    expect(snapshots.at(-1)).toEqual({
      data: quote(1, 'GOOG', 170),
      status: { state: 'open' },
      error: undefined,
      lastEventId: '',
      reconnect: expect.any(Function),
      restart: expect.any(Function),
      close: expect.any(Function),
    })
    // The controls keep their identity across renders, so they can go in dependency arrays.
    expect(new Set(snapshots.map((s) => s.reconnect)).size).toBe(1)
  })

  it('disconnects when the last component using the stream unmounts', async () => {
    const { stream, transport } = stockStream()
    const { unmount } = render(<Price stream={stream} />)
    await act(settle)
    act(() => transport.connections[0]?.open())
    unmount()
    expect(transport.connections[0]?.closed).toBe(true)
    expect(stream.status).toEqual({ state: 'idle' })
  })

  it('shows a payload that arrives between the render and the subscription', async () => {
    // Ported from nanostores' late-subscription test: a layout effect runs after the render
    // and before the passive effect in which useSyncExternalStore subscribes.
    const { stream, transport } = stockStream()
    const other = stream.on('notice').subscribe()
    await settle()
    transport.connections[0]?.open()
    function SendsAfterRender() {
      useLayoutEffect(() => transport.connections[0]?.send('stockUpdate', quote(1, 'META', 590)))
      return null
    }
    render(
      <>
        <Price stream={stream} />
        <SendsAfterRender />
      </>,
    )
    expect(shown()).toBe('open|META 590|')
    other.unsubscribe()
  })

  it('switches to a new stream on rerender and leaves the old one', async () => {
    const first = stockStream()
    const second = stockStream()
    const { rerender } = render(<Price stream={first.stream} />)
    await act(settle)
    act(() => {
      first.transport.connections[0]?.open()
      first.transport.connections[0]?.send('stockUpdate', quote(1, 'TSLA', 250))
    })
    rerender(<Price stream={second.stream} />)
    expect(first.transport.connections[0]?.closed).toBe(true)
    expect(shown()).toBe('connecting|none|')
    await act(settle)
    act(() => {
      second.transport.connections[0]?.open()
      second.transport.connections[0]?.send('stockUpdate', quote(1, 'NFLX', 700))
    })
    expect(shown()).toBe('open|NFLX 700|')
    expect(connectionCounts(first.transport, second.transport)).toEqual([1, 1])
  })

  it('shows the error behind a reconnecting status, then the closed status', async () => {
    const { stream, transport } = stockStream({ retry: { initialDelay: 60_000 } })
    render(<Price stream={stream} />)
    await act(settle)
    act(() => transport.connections[0]?.fail({ status: 503 }))
    expect(shown()).toBe('reconnecting|none|http')
    act(() => stream.close())
    expect(shown()).toBe('closed|none|')
    expect(live(transport)).toEqual([])
  })
})

function connectionCounts(...transports: FakeTransport[]): number[] {
  return transports.map((transport) => transport.connections.length)
}
