import { act, fireEvent, render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { EventStream } from '@rivulet/core'
import { live, quote, settle, stockStream } from '../test/stocks'
import type { StockEvents } from '../test/stocks'
import { useEventStream } from './use-event-stream'

/** A ticker with the buttons an app puts beside it. */
function Ticker(props: { stream: EventStream<StockEvents> | null; enabled?: boolean }) {
  const { data, status, lastEventId, reconnect, restart, close } = useEventStream(
    props.stream,
    'stockUpdate',
    { enabled: props.enabled },
  )
  return (
    <>
      <output>{`${status.state}|${data?.symbol ?? 'none'}|${lastEventId}`}</output>
      <button onClick={reconnect}>Retry now</button>
      <button onClick={restart}>Restart</button>
      <button onClick={close}>Close</button>
    </>
  )
}

const shown = () => screen.getByRole('status').textContent
const click = (name: string) => fireEvent.click(screen.getByRole('button', { name }))

describe('useEventStream’s last event ID, controls and enabled option', () => {
  it('shows the last event ID, and “Retry now” skips a long wait', async () => {
    const { stream, transport } = stockStream({ retry: { initialDelay: 60_000, jitter: 0 } })
    render(<Ticker stream={stream} />)
    const first = await act(() => transport.connected())
    act(() => {
      first.open()
      first.send('stockUpdate', quote(1, 'MSFT', 410), { id: 'q1' })
    })
    expect(shown()).toBe('open|MSFT|q1')
    act(() => first.fail())
    expect(stream.status).toMatchObject({ state: 'reconnecting', delay: 60_000 })

    act(() => click('Retry now'))
    const second = await act(() => transport.connected())
    expect([second.request.lastEventId, shown()]).toEqual(['q1', 'connecting|MSFT|q1'])
  })

  it('restarts a stream that gave up, and reads it again', async () => {
    const { stream, transport } = stockStream({ retry: { maxAttempts: 0 } })
    render(<Ticker stream={stream} />)
    const first = await act(() => transport.connected())
    act(() => {
      first.send('stockUpdate', quote(1, 'MSFT', 410), { id: 'q1' })
      first.fail()
    })
    expect(shown()).toBe('closed|MSFT|q1')

    act(() => click('Restart'))
    const second = await act(() => transport.connected())
    act(() => {
      second.open()
      second.send('stockUpdate', quote(2, 'AAPL', 230), { id: 'q2' })
    })
    expect([second.request.lastEventId, shown()]).toEqual(['q1', 'open|AAPL|q2'])
    act(() => click('Close'))
    expect([stream.status.state, second.closed]).toEqual(['closed', true])
  })

  it('follows the status without connecting while disabled', async () => {
    const { stream, transport } = stockStream()
    const { rerender } = render(<Ticker stream={stream} enabled={false} />)
    await act(settle)
    expect([shown(), transport.connections.length]).toEqual(['idle|none|', 0])

    // Another reader connects the stream: the disabled one shows its status, not its events.
    const other = stream.on('notice').subscribe()
    const server = await act(() => transport.connected())
    act(() => server.open())
    expect(shown()).toBe('open|none|')

    rerender(<Ticker stream={stream} />)
    act(() => server.send('stockUpdate', quote(1, 'MSFT', 410)))
    expect(shown()).toBe('open|MSFT|')
    other.unsubscribe()
    rerender(<Ticker stream={stream} enabled={false} />)
    expect([live(transport), stream.status.state]).toEqual([[], 'idle'])
  })

  it('reads nothing for a null stream, and its controls do nothing', async () => {
    render(<Ticker stream={null} />)
    act(() => ['Retry now', 'Restart', 'Close'].forEach(click))
    await act(settle)
    expect(shown()).toBe('idle|none|')
  })
})
