import { act, render, screen } from '@testing-library/react'
import { StrictMode } from 'react'
import { describe, expect, it } from 'vitest'
import type { EventStream } from '@rivulet/core'
import { live, quote, settle, stockStream } from '../test/stocks'
import type { StockEvents } from '../test/stocks'
import { useEventList } from './use-event-list'

let renders = 0

/** Renders the list as `id symbol` items, newest first. */
function Feed(props: { stream: EventStream<StockEvents> | null; max?: number; enabled?: boolean }) {
  renders++
  const updates = useEventList(props.stream, 'stockUpdate', {
    max: props.max,
    enabled: props.enabled,
  })
  return <output>{updates.map((q) => `${q.id} ${q.symbol}`).join(', ')}</output>
}

const shown = () => screen.getByRole('status').textContent

describe('useEventList', () => {
  it('keeps every payload of a burst, newest first, at most max', async () => {
    const { stream, transport } = stockStream()
    render(<Feed stream={stream} max={3} />)
    const server = await act(() => transport.connected())
    renders = 0
    act(() => {
      server.open()
      server.send('stockUpdate', quote(1, 'MSFT', 410))
      server.send('notice', 'not a quote')
      for (const [id, symbol] of [
        [2, 'AAPL'],
        [3, 'NVDA'],
        [4, 'TSLA'],
      ] as const)
        server.send('stockUpdate', quote(id, symbol, 100))
    })
    expect(shown()).toBe('4 TSLA, 3 NVDA, 2 AAPL')
    // Four events in one act rendered once: every one was folded in all the same.
    expect(renders).toBe(1)
  })

  it('keeps one connection under StrictMode and applies each event once', async () => {
    const { stream, transport } = stockStream({ keepAlive: 1000 })
    render(
      <StrictMode>
        <Feed stream={stream} />
      </StrictMode>,
    )
    const server = await act(() => transport.connected())
    act(() => {
      server.send('stockUpdate', quote(1, 'MSFT', 410))
      server.send('stockUpdate', quote(2, 'AAPL', 230))
    })
    expect(shown()).toBe('2 AAPL, 1 MSFT')
    expect(transport.connections).toHaveLength(1)
    expect(live(transport)).toHaveLength(1)
  })

  it('lets go of the stream while disabled, keeps the list, and resumes from the last id', async () => {
    const { stream, transport } = stockStream()
    const { rerender } = render(<Feed stream={stream} />)
    const first = await act(() => transport.connected())
    act(() => first.send('stockUpdate', quote(1, 'MSFT', 410), { id: 'q1' }))

    rerender(<Feed stream={stream} enabled={false} />)
    await act(settle)
    expect([first.closed, stream.status.state, shown()]).toEqual([true, 'idle', '1 MSFT'])

    rerender(<Feed stream={stream} enabled />)
    const second = await act(() => transport.connected())
    act(() => second.send('stockUpdate', quote(2, 'AAPL', 230), { id: 'q2' }))
    expect(second.request.lastEventId).toBe('q1')
    expect(shown()).toBe('2 AAPL, 1 MSFT')
    expect(transport.connections).toHaveLength(2)
  })

  it('reads the stream again after it gave up and was restarted, keeping what it had', async () => {
    const { stream, transport } = stockStream({ retry: { maxAttempts: 0 } })
    render(<Feed stream={stream} />)
    const first = await act(() => transport.connected())
    act(() => {
      first.send('stockUpdate', quote(1, 'MSFT', 410), { id: 'q1' })
      first.fail()
    })
    expect(stream.status).toMatchObject({ state: 'closed', error: { kind: 'gave-up' } })

    act(() => stream.restart())
    const second = await act(() => transport.connected())
    act(() => second.send('stockUpdate', quote(2, 'AAPL', 230)))
    expect([second.request.lastEventId, shown()]).toEqual(['q1', '2 AAPL, 1 MSFT'])
  })

  it('starts empty for a new stream, and shows nothing for none', async () => {
    const a = stockStream()
    const b = stockStream()
    const { rerender } = render(<Feed stream={a.stream} />)
    const server = await act(() => a.transport.connected())
    act(() => server.send('stockUpdate', quote(1, 'MSFT', 410)))
    rerender(<Feed stream={b.stream} />)
    expect([shown(), server.closed]).toEqual(['', true])
    rerender(<Feed stream={null} />)
    await act(settle)
    expect(shown()).toBe('')
    expect(live(b.transport)).toEqual([])
  })
})
