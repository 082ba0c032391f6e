import { afterEach, describe, expect, it, vi } from 'vitest'
import { createSSRApp, defineComponent, h } from 'vue'
import { renderToString } from 'vue/server-renderer'
import { fakeStream, settle } from '../test/stocks'
import { useEventList } from './use-event-list'
import { useEventReducer } from './use-event-reducer'
import { useEventStream } from './use-event-stream'
import { useEventStreamErrors } from './use-event-stream-errors'
import { useEventStreamListener } from './use-event-stream-listener'
import { useEventStreamStatus } from './use-event-stream-status'

/** Every composable; renders `status/badge:symbol #id list fold`. */
function tickerOf(stream: ReturnType<typeof fakeStream>['stream']) {
  return defineComponent({
    setup() {
      const { data, status, lastEventId } = useEventStream(stream, 'stockUpdate')
      const badge = useEventStreamStatus(stream)
      const list = useEventList(stream, 'stockUpdate')
      const count = useEventReducer(stream, 'stockUpdate', (n: number) => n + 1, 0)
      useEventStreamListener(stream, 'notice', () => {})
      useEventStreamErrors(stream, () => {})
      return () =>
        h(
          'p',
          `${status.value.state}/${badge.value.state}:${data.value?.symbol ?? '-'} #${lastEventId.value} ${list.value.length} ${count.value}`,
        )
    },
  })
}

afterEach(() => {
  vi.restoreAllMocks()
  document.body.innerHTML = ''
})

describe('server rendering', () => {
  it('renders the initial snapshot and never connects', async () => {
    const { stream, transport } = fakeStream()
    const html = await renderToString(createSSRApp(tickerOf(stream)))
    await settle()
    expect(html).toBe('<p>idle/idle:- # 0 0</p>')
    expect(transport.connections).toHaveLength(0)
  })

  it('hydrates without a mismatch, then connects', async () => {
    const { stream, transport } = fakeStream()
    const container = document.createElement('div')
    container.innerHTML = await renderToString(createSSRApp(tickerOf(stream)))
    document.body.append(container)
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})

    const app = createSSRApp(tickerOf(stream))
    app.mount(container)
    expect(warn.mock.calls).toEqual([])
    expect(error.mock.calls).toEqual([])

    await settle()
    transport.connections[0]?.open()
    transport.connections[0]?.send('stockUpdate', { symbol: 'TSLA', price: 250 }, { id: 'q1' })
    await settle()
    expect(container.innerHTML).toBe('<p>open/open:TSLA #q1 1 1</p>')
    expect(transport.connections).toHaveLength(1)
    app.unmount()
    expect(transport.connections[0]?.closed).toBe(true)
  })
})
