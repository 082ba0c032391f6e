import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { defineComponent, effectScope, h, onMounted, shallowRef } from 'vue'
import type { EffectScope } from 'vue'
import { fakeStream, settle } from '../test/stocks'
import { useEventStream } from './use-event-stream'

describe('when the composables connect and disconnect', () => {
  it('waits for its component to mount before connecting', async () => {
    const { stream, transport } = fakeStream()
    const states: string[] = []
    const Probe = defineComponent({
      setup() {
        const { status } = useEventStream(stream, 'stockUpdate')
        states.push(`setup:${status.value.state}`)
        onMounted(() => states.push(`mounted:${status.value.state}`))
        return () => h('i')
      },
    })
    const wrapper = mount(Probe)
    // The hook registered in setup runs first; the one after it sees the connection begin.
    expect(states).toEqual(['setup:idle', 'mounted:connecting'])
    await settle()
    expect(transport.connections).toHaveLength(1)
    wrapper.unmount()
  })

  it('connects at once when called after mount, and disconnects on unmount', async () => {
    const { stream, transport } = fakeStream()
    let status: string | undefined
    const Late = defineComponent({
      setup() {
        onMounted(() => {
          status = useEventStream(stream, 'stockUpdate').status.value.state
        })
        return () => h('i')
      },
    })
    const wrapper = mount(Late)
    expect(status).toBe('connecting')
    await settle()
    wrapper.unmount()
    expect(transport.connections.map((c) => c.closed)).toEqual([true])
  })

  it('lets a detached scope made during setup (a store) outlive the component', async () => {
    const a = fakeStream()
    const b = fakeStream()
    const current = shallowRef(a.stream)
    let store: EffectScope | undefined
    const Owner = defineComponent({
      setup() {
        store = effectScope(true)
        store.run(() => useEventStream(current, 'stockUpdate'))
        return () => h('i')
      },
    })
    const wrapper = mount(Owner)
    await settle()
    wrapper.unmount()
    expect(a.transport.connections.map((c) => c.closed)).toEqual([false])

    // Still watching its source after the component is gone.
    current.value = b.stream
    await settle()
    expect(a.transport.connections.map((c) => c.closed)).toEqual([true])
    expect(b.transport.connections.map((c) => c.closed)).toEqual([false])
    store?.stop()
    expect(b.transport.connections.map((c) => c.closed)).toEqual([true])
  })
})
