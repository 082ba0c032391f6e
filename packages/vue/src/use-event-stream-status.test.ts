import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { defineComponent, effectScope, h } from 'vue'
import { fakeStream, settle } from '../test/stocks'
import { useEventStream } from './use-event-stream'
import { useEventStreamStatus } from './use-event-stream-status'

describe('useEventStreamStatus', () => {
  it('follows the status without connecting the stream', async () => {
    const { stream, transport } = fakeStream()
    const scope = effectScope()
    const status = scope.run(() => useEventStreamStatus(stream))
    await settle()
    expect(status?.value).toEqual({ state: 'idle' })
    expect(transport.connections).toHaveLength(0)

    const reader = stream.on('stockUpdate').subscribe()
    await settle()
    expect(status?.value).toEqual({ state: 'connecting', attempt: 0 })
    transport.connections[0]?.open()
    expect(status?.value).toEqual({ state: 'open' })

    stream.close()
    expect(status?.value).toEqual({ state: 'closed', reason: 'closed', error: undefined })
    reader.unsubscribe()
    scope.stop()
  })

  it('renders the status of a stream a sibling component reads', async () => {
    const { stream, transport } = fakeStream()
    const Badge = defineComponent({
      setup() {
        const status = useEventStreamStatus(stream)
        return () => h('span', status.value.state)
      },
    })
    const Reader = defineComponent({
      setup() {
        useEventStream(stream, 'stockUpdate')
        return () => h('i')
      },
    })
    const wrapper = mount(defineComponent({ render: () => h('div', [h(Badge), h(Reader)]) }))
    await settle()
    transport.connections[0]?.open()
    await settle()
    expect(wrapper.find('span').text()).toBe('open')
    wrapper.unmount()
    expect(transport.connections[0]?.closed).toBe(true)
  })
})
