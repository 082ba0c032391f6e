import { act } from '@testing-library/react'
import { hydrateRoot } from 'react-dom/client'
import { renderToString } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import type { EventStream } from '@rivulet/core'
import { open, send, settle } from '../test/fake-transport'
import { quote, stockStream } from '../test/stocks'
import type { StockEvents } from '../test/stocks'
import { useEventStream } from './use-event-stream'
import { useEventStreamStatus } from './use-event-stream-status'

function Ticker({ stream }: { stream: EventStream<StockEvents> }) {
  const { data } = useEventStream(stream, 'stockUpdate')
  const status = useEventStreamStatus(stream)
  return <p>{`${status.state}|${data?.symbol ?? 'none'}`}</p>
}

describe('hydration', () => {
  it('hydrates the server’s initial snapshot without a mismatch, then goes live', async () => {
    const server = stockStream()
    const container = document.createElement('div')
    container.innerHTML = renderToString(<Ticker stream={server.stream} />)
    expect(container.innerHTML).toBe('<p>idle|none</p>')

    // The client's stream has already seen a quote: hydration must still match the server's HTML.
    const { stream, transport } = stockStream()
    const early = stream.on('stockUpdate').subscribe()
    await settle()
    open(transport.connections[0])
    send(transport.connections[0], 'stockUpdate', quote(1, 'AMZN', 200))
    const recoverable: unknown[] = []
    const root = await act(() =>
      hydrateRoot(container, <Ticker stream={stream} />, {
        onRecoverableError: (error) => recoverable.push(error),
      }),
    )
    expect(recoverable).toEqual([])
    expect(container.innerHTML).toBe('<p>open|AMZN</p>')
    expect(transport.connections).toHaveLength(1)
    expect(server.transport.connections).toEqual([])
    act(() => root.unmount())
    early.unsubscribe()
  })
})
