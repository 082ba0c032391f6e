import { act, render } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { AnyEventStream, StreamError } from '@rivulet/core'
import { settle, stockStream } from '../test/stocks'
import { useEventStream } from './use-event-stream'
import { useEventStreamErrors } from './use-event-stream-errors'
import type { StockEvents } from '../test/stocks'
import type { EventStream } from '@rivulet/core'

function ErrorLog({ stream, log }: { stream: AnyEventStream; log: (error: StreamError) => void }) {
  useEventStreamErrors(stream, log)
  return null
}

function Reader({ stream }: { stream: EventStream<StockEvents> }) {
  useEventStream(stream, 'stockUpdate')
  return null
}

describe('useEventStreamErrors', () => {
  it('hears every error without connecting: decode errors and those the stream recovers from', async () => {
    const { stream, transport } = stockStream({ retry: { initialDelay: 60_000 } })
    const kinds: string[] = []
    const { rerender } = render(<ErrorLog stream={stream} log={(e) => kinds.push(e.kind)} />)
    await act(settle)
    expect(transport.connections).toEqual([])

    rerender(
      <>
        <ErrorLog stream={stream} log={(e) => kinds.push(`latest:${e.kind}`)} />
        <Reader stream={stream} />
      </>,
    )
    const server = await act(() => transport.connected())
    act(() => {
      server.sendRaw({ type: 'stockUpdate', data: '{not json' })
      server.fail({ status: 503 })
    })
    expect(kinds).toEqual(['latest:decode', 'latest:http'])
    expect(stream.status.state).toBe('reconnecting')
  })

  it('stops hearing when the component unmounts', async () => {
    const { stream, transport } = stockStream()
    const kinds: string[] = []
    const { unmount } = render(<ErrorLog stream={stream} log={(e) => kinds.push(e.kind)} />)
    const reading = stream.events$.subscribe()
    const server = await transport.connected()
    unmount()
    server.sendRaw({ data: '{not json' })
    expect(kinds).toEqual([])
    reading.unsubscribe()
  })
})
