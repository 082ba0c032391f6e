import { act } from '@testing-library/react'
import { hydrateRoot } from 'react-dom/client'
import { renderToString } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import type { EventStream } from '@rivulet/core'
import { quote, settle, stockStream } from '../test/stocks'
import type { StockEvents } from '../test/stocks'
import { useEventStream } from './use-event-stream'
import { useEventStreamStatus } from './use-event-stream-status'

function Ticker({ stream }: { stream: EventStream<StockEvents> }) {
  const { data, lastEventId } = useEventStream(stream, 'stockUpdate')
  const status = useEventStreamStatus(stream)
  return <p>{`${status.state}|${data?.symbol ?? 'none'}|${lastEventId}`}</p>
}

describe('hydration', () => {
  it('hydrates the server’s initial snapshot without a mismatch, then goes live', async () => {
    const server = stockStream()
    const container = document.createElement('div')
    container.innerHTML = renderToString(<Ticker stream={server.stream} />)
    expect(container.innerHTML).toBe('<p>idle|none|</p>')

    // The client's stream has already seen a quote: hydration must still match the server's HTML.
    const { stream, transport } = stockStream()
    const early = stream.on('stockUpdate').subscribe()
    await settle()
    transport.connections[0]?.open()
    transport.connections[0]?.send('stockUpdate', quote(1, 'AMZN', 200), { id: 'q1' })
    const recoverable: unknown[] = []
    const root = await act(() =>
      hydrateRoot(container, <Ticker stream={stream} />, {
        onRecoverableError: (error) => recoverable.push(error),
      }),
    )
    expect(recoverable).toEqual([])
    expect(container.innerHTML).toBe('<p>open|AMZN|q1</p>')
    expect(transport.connections).toHaveLength(1)
    expect(server.transport.connections).toEqual([])
    act(() => root.unmount())
    early.unsubscribe()
  })
})
