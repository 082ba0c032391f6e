import { afterEach, describe, expect, it, vi } from 'vitest'
import { createSSRApp, defineComponent, h } from 'vue'
import { renderToString } from 'vue/server-renderer'
import { fakeStream, settle } from '../test/fake-transport'
import { useEventStream } from './use-event-stream'
import { useEventStreamListener } from './use-event-stream-listener'
import { useEventStreamStatus } from './use-event-stream-status'

function tickerOf(stream: ReturnType<typeof fakeStream>['stream']) {
  return defineComponent({
    setup() {
      const { data, status } = useEventStream(stream, 'stockUpdate')
      const badge = useEventStreamStatus(stream)
      useEventStreamListener(stream, 'notice', () => {})
      return () => h('p', `${status.value.state}/${badge.value.state}:${data.value?.symbol ?? '-'}`)
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
    expect(html).toBe('<p>idle/idle:-</p>')
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
    transport.connections[0]?.send('stockUpdate', { symbol: 'TSLA', price: 250 })
    await settle()
    expect(container.innerHTML).toBe('<p>open/open:TSLA</p>')
    expect(transport.connections).toHaveLength(1)
    app.unmount()
    expect(transport.connections[0]?.closed()).toBe(true)
  })
})
