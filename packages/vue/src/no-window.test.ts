// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { createSSRApp, defineComponent, effectScope, h } from 'vue'
import { renderToString } from 'vue/server-renderer'
import { fakeTransport } from '@rivulet/core/testing'
import { fakeStream, settle } from '../test/stocks'
import type { StockEvents } from '../test/stocks'
import * as vue from './index'

describe('without a window (a server)', () => {
  it('imports without touching a browser global', () => {
    expect('window' in globalThis).toBe(false)
    expect('document' in globalThis).toBe(false)
    expect(typeof vue.useEventStream).toBe('function')
  })

  it('never connects outside a component either, and keeps the initial snapshot', async () => {
    const transport = fakeTransport()
    const { stream, transport: shared } = fakeStream()
    const scope = effectScope()
    const result = scope.run(() => ({
      fromUrl: vue.useEventStream<StockEvents, 'stockUpdate'>('http://127.0.0.1/a', 'stockUpdate', {
        transport,
      }),
      status: vue.useEventStreamStatus(stream),
      list: vue.useEventList(vue.useCreateEventStream<StockEvents>('/b', { transport }), 'notice'),
      count: vue.useEventReducer(stream, 'notice', (n: number) => n + 1, 0),
    }))
    await settle()
    expect([result?.list.value, result?.count.value]).toEqual([[], 0])
    expect(transport.connections).toHaveLength(0)
    expect(shared.connections).toHaveLength(0)
    expect(result?.fromUrl.data.value).toBeUndefined()
    expect(result?.fromUrl.status.value).toEqual({ state: 'idle' })
    expect(result?.fromUrl.error.value).toBeUndefined()
    expect(result?.status.value).toEqual({ state: 'idle' })
    scope.stop()
  })

  it('renders a component reading a URL without connecting', async () => {
    const transport = fakeTransport()
    const App = defineComponent({
      setup() {
        const { status } = vue.useEventStream<StockEvents, 'stockUpdate'>(
          'http://127.0.0.1/a',
          'stockUpdate',
          {
            transport,
          },
        )
        return () => h('b', status.value.state)
      },
    })
    expect(await renderToString(createSSRApp(App))).toBe('<b>idle</b>')
    await settle()
    expect(transport.connections).toHaveLength(0)
  })
})
