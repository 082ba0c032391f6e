// @vitest-environment node
import { renderToString } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import type { EventStream } from '@rivulet/core'
import { fakeTransport, settle } from '../test/fake-transport'
import { stockStream } from '../test/stocks'
import type { StockEvents } from '../test/stocks'
import {
  useCreateEventStream,
  useEventStream,
  useEventStreamListener,
  useEventStreamStatus,
} from './index'

function Ticker({ stream }: { stream: EventStream<StockEvents> }) {
  const { data, status, error } = useEventStream(stream, 'stockUpdate')
  const badge = useEventStreamStatus(stream)
  useEventStreamListener(stream, 'stockUpdate', () => {
    throw new Error('no event on the server')
  })
  return <p>{`${status.state}|${badge.state}|${data?.symbol ?? 'none'}|${error?.kind ?? ''}`}</p>
}

describe('server rendering', () => {
  it('renders the initial snapshot without a DOM and never connects', async () => {
    expect(typeof window).toBe('undefined')
    const { stream, transport } = stockStream()
    const html = renderToString(<Ticker stream={stream} />)
    await settle()
    expect(html).toBe('<p>idle|idle|none|</p>')
    expect(transport.connections).toEqual([])
    expect(stream.status).toEqual({ state: 'idle' })
  })

  it('renders the initial snapshot even when the stream is open in this process', async () => {
    const { stream, transport } = stockStream()
    const other = stream.on('notice').subscribe()
    await settle()
    transport.connections[0]?.subscriber.next({ type: 'open' })
    expect(renderToString(<Ticker stream={stream} />)).toBe('<p>idle|idle|none|</p>')
    other.unsubscribe()
  })

  it('creates a stream in a component without connecting it', async () => {
    const transport = fakeTransport()
    function Owner() {
      return <Ticker stream={useCreateEventStream<StockEvents>('/stocks', { transport })} />
    }
    expect(renderToString(<Owner />)).toBe('<p>idle|idle|none|</p>')
    await settle()
    expect(transport.connections).toEqual([])
  })
})
