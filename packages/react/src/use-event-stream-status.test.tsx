import { act, render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { EventStream, StreamStatus } from '@rivulet/core'
import { live, quote, settle, stockStream } from '../test/stocks'
import type { StockEvents } from '../test/stocks'
import { useEventStream } from './use-event-stream'
import { useEventStreamStatus } from './use-event-stream-status'

function Badge({ stream }: { stream: EventStream<StockEvents> }) {
  return <output aria-label="badge">{describeStatus(useEventStreamStatus(stream))}</output>
}

function Reader({ stream }: { stream: EventStream<StockEvents> }) {
  useEventStream(stream, 'stockUpdate')
  return null
}

function describeStatus(status: StreamStatus): string {
  switch (status.state) {
    case 'connecting':
      return `connecting #${status.attempt}`
    case 'reconnecting':
      return `reconnecting #${status.attempt} in ${status.delay} after ${status.error?.kind}`
    case 'closed':
      return `closed: ${status.reason}`
    default:
      return status.state
  }
}

const badge = () => screen.getByRole('status', { name: 'badge' }).textContent

describe('useEventStreamStatus', () => {
  it('shows the status without connecting', async () => {
    const { stream, transport } = stockStream()
    render(<Badge stream={stream} />)
    await act(settle)
    expect(badge()).toBe('idle')
    expect(transport.connections).toEqual([])
  })

  it('follows the connection that another component opens and closes', async () => {
    const { stream, transport } = stockStream({ retry: { initialDelay: 500, jitter: 0 } })
    const { rerender } = render(
      <>
        <Badge stream={stream} />
        <Reader stream={stream} />
      </>,
    )
    expect(badge()).toBe('connecting #0')
    await act(settle)
    act(() => transport.connections[0]?.open())
    expect(badge()).toBe('open')
    act(() => transport.connections[0]?.fail({ status: 502 }))
    expect(badge()).toBe('reconnecting #1 in 500 after http')
    rerender(<Badge stream={stream} />)
    expect(badge()).toBe('idle')
    expect(live(transport)).toEqual([])
  })

  it('does not render again for events, only for status changes', async () => {
    const { stream, transport } = stockStream()
    let renders = 0
    function CountingBadge() {
      renders++
      return <Badge stream={stream} />
    }
    render(
      <>
        <CountingBadge />
        <Reader stream={stream} />
      </>,
    )
    await act(settle)
    act(() => transport.connections[0]?.open())
    const rendersWhenOpen = renders
    act(() => transport.connections[0]?.send('stockUpdate', quote(1, 'MSFT', 410)))
    act(() => transport.connections[0]?.send('notice', 'hello'))
    expect(renders).toBe(rendersWhenOpen)
  })

  it('shows why the stream closed', () => {
    const { stream } = stockStream()
    render(<Badge stream={stream} />)
    act(() => stream.close())
    expect(badge()).toBe('closed: closed')
  })
})
