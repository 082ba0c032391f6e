import { act, render, screen } from '@testing-library/react'
import { Activity, StrictMode } from 'react'
import { describe, expect, it } from 'vitest'
import type { EventStream } from '@rivulet/core'
import { fakeTransport } from '@rivulet/core/testing'
import type { FakeTransport } from '@rivulet/core/testing'
import { live, quote, settle } from '../test/stocks'
import type { StockEvents } from '../test/stocks'
import { useCreateEventStream } from './use-create-event-stream'
import { useEventStream } from './use-event-stream'

interface TickerProps {
  url: string
  transport: FakeTransport
  /** Hears the stream of every render. */
  seen: EventStream<StockEvents>[]
  showPrice?: boolean
}

function Ticker({ url, transport, seen, showPrice = true }: TickerProps) {
  const stream = useCreateEventStream<StockEvents>(url, { transport, retry: false })
  seen.push(stream)
  return showPrice ? <Price stream={stream} /> : null
}

function Price({ stream }: { stream: EventStream<StockEvents> | undefined }) {
  const { data, status } = useEventStream(stream, 'stockUpdate')
  return <output>{`${status.state}|${data?.symbol ?? 'none'}`}</output>
}

const shown = () => screen.getByRole('status').textContent
const unique = <T,>(items: T[]) => [...new Set(items)]
const flushMicrotasks = () => Promise.resolve()

describe('useCreateEventStream', () => {
  it('keeps one stream and one open connection through StrictMode’s double mount', async () => {
    const transport = fakeTransport()
    const seen: EventStream<StockEvents>[] = []
    render(
      <StrictMode>
        <Ticker url="http://127.0.0.1/stocks" transport={transport} seen={seen} />
      </StrictMode>,
    )
    await act(settle)
    act(() => {
      transport.connections[0]?.open()
      transport.connections[0]?.send('stockUpdate', quote(1, 'MSFT', 410))
    })
    expect(unique(seen)).toHaveLength(1)
    expect(transport.connections).toHaveLength(1)
    expect(live(transport)).toHaveLength(1)
    expect(shown()).toBe('open|MSFT')
    expect(seen.at(-1)?.status).toEqual({ state: 'open' })
  })

  it('returns the same stream on every render for the same URL', () => {
    const transport = fakeTransport()
    const seen: EventStream<StockEvents>[] = []
    const props = { url: 'http://127.0.0.1/stocks', transport, seen }
    const { rerender } = render(<Ticker {...props} />)
    rerender(<Ticker {...props} />)
    rerender(<Ticker {...props} />)
    expect(seen).toHaveLength(3)
    expect(unique(seen)).toHaveLength(1)
  })

  it('closes the stream for good when the component unmounts', async () => {
    const transport = fakeTransport()
    const seen: EventStream<StockEvents>[] = []
    const { unmount } = render(
      <Ticker url="http://127.0.0.1/stocks" transport={transport} seen={seen} />,
    )
    await act(settle)
    unmount()
    await flushMicrotasks()
    expect(seen[0]?.status).toEqual({ state: 'closed', reason: 'closed', error: undefined })
    expect(live(transport)).toEqual([])
  })

  it('creates a new stream for a new URL and closes the old one', async () => {
    const transport = fakeTransport()
    const seen: EventStream<StockEvents>[] = []
    const { rerender } = render(
      <Ticker url="http://127.0.0.1/stocks?a" transport={transport} seen={seen} />,
    )
    await act(settle)
    rerender(<Ticker url="http://127.0.0.1/stocks?b" transport={transport} seen={seen} />)
    await act(settle)
    const [first, second] = unique(seen)
    expect(unique(seen)).toHaveLength(2)
    expect(first?.status.state).toBe('closed')
    expect(second?.status).toEqual({ state: 'connecting', attempt: 0 })
    expect(transport.connections.map((c) => [c.request.url, c.closed])).toEqual([
      ['http://127.0.0.1/stocks?a', true],
      ['http://127.0.0.1/stocks?b', false],
    ])
  })

  it('keeps the connection while a reading child remounts, by a default keepAlive', async () => {
    const transport = fakeTransport()
    const seen: EventStream<StockEvents>[] = []
    const props = { url: 'http://127.0.0.1/stocks', transport, seen }
    const { rerender } = render(<Ticker {...props} />)
    await act(settle)
    rerender(<Ticker {...props} showPrice={false} />)
    rerender(<Ticker {...props} />)
    await act(settle)
    expect(transport.connections).toHaveLength(1)
    expect(live(transport)).toHaveLength(1)
  })

  it('starts a fresh stream when React shows the component again after hiding it', async () => {
    const transport = fakeTransport()
    const seen: EventStream<StockEvents>[] = []
    const ticker = <Ticker url="http://127.0.0.1/stocks" transport={transport} seen={seen} />
    const { rerender } = render(<Activity mode="visible">{ticker}</Activity>)
    await act(settle)
    rerender(<Activity mode="hidden">{ticker}</Activity>)
    await act(settle)
    expect(seen[0]?.status.state).toBe('closed')
    rerender(<Activity mode="visible">{ticker}</Activity>)
    await act(settle)
    expect(unique(seen)).toHaveLength(2)
    expect(seen.at(-1)?.status).toEqual({ state: 'connecting', attempt: 0 })
    expect(live(transport)).toHaveLength(1)
    expect(shown()).toBe('connecting|none')
  })

  it('creates nothing for a null URL, then a stream once the URL is known', async () => {
    const transport = fakeTransport()
    const seen: (EventStream<StockEvents> | undefined)[] = []
    function Maybe({ url }: { url: string | null }) {
      const stream = useCreateEventStream<StockEvents>(url, { transport, retry: false })
      seen.push(stream)
      return <Price stream={stream} />
    }
    const { rerender } = render(<Maybe url={null} />)
    await act(settle)
    expect([seen, transport.connections, shown()]).toEqual([[undefined], [], 'idle|none'])

    rerender(<Maybe url="http://127.0.0.1/stocks" />)
    const server = await act(() => transport.connected())
    act(() => server.open())
    expect([server.request.url, shown()]).toEqual(['http://127.0.0.1/stocks', 'open|none'])
    rerender(<Maybe url={null} />)
    await act(settle)
    expect([seen.at(-2)?.status.state, server.closed, shown()]).toEqual([
      'closed',
      true,
      'idle|none',
    ])
  })
})
