// @vitest-environment node
import { renderToString } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import type { EventStream } from '@rivulet/core'
import { fakeTransport } from '@rivulet/core/testing'
import { quote, settle, stockStream } from '../test/stocks'
import type { StockEvents } from '../test/stocks'
import {
  useCreateEventStream,
  useEventList,
  useEventReducer,
  useEventStream,
  useEventStreamErrors,
  useEventStreamListener,
  useEventStreamStatus,
} from './index'

const never = () => {
  throw new Error('nothing runs on the server')
}

/** Every hook; renders `status|badge|symbol|error|list length|fold|last event ID`. */
function Ticker({ stream }: { stream: EventStream<StockEvents> }) {
  const { data, status, error, lastEventId } = useEventStream(stream, 'stockUpdate')
  const badge = useEventStreamStatus(stream)
  const list = useEventList(stream, 'stockUpdate')
  const count = useEventReducer(stream, 'stockUpdate', (n: number) => n + 1, 0)
  useEventStreamListener(stream, 'stockUpdate', never)
  useEventStreamErrors(stream, never)
  const symbol = data?.symbol ?? 'none'
  return (
    <p>{`${status.state}|${badge.state}|${symbol}|${error?.kind ?? ''}|${list.length}|${count}|${lastEventId}`}</p>
  )
}

describe('server rendering', () => {
  it('renders the initial snapshot without a DOM and never connects', async () => {
    expect(typeof window).toBe('undefined')
    const { stream, transport } = stockStream()
    const html = renderToString(<Ticker stream={stream} />)
    await settle()
    expect(html).toBe('<p>idle|idle|none||0|0|</p>')
    expect(transport.connections).toEqual([])
    expect(stream.status).toEqual({ state: 'idle' })
  })

  it('renders the initial snapshot even when the stream is open in this process', async () => {
    const { stream, transport } = stockStream()
    const other = stream.on('notice').subscribe()
    await settle()
    transport.connections[0]?.open()
    transport.connections[0]?.send('stockUpdate', quote(1, 'MSFT', 410), { id: 'q1' })
    expect(renderToString(<Ticker stream={stream} />)).toBe('<p>idle|idle|none||0|0|</p>')
    other.unsubscribe()
  })

  it('creates a stream in a component without connecting it', async () => {
    const transport = fakeTransport()
    function Owner() {
      return <Ticker stream={useCreateEventStream<StockEvents>('/stocks', { transport })} />
    }
    expect(renderToString(<Owner />)).toBe('<p>idle|idle|none||0|0|</p>')
    await settle()
    expect(transport.connections).toEqual([])
  })
})
