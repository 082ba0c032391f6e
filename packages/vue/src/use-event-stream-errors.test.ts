import { describe, expect, it } from 'vitest'
import { effectScope } from 'vue'
import { fakeStream, settle } from '../test/stocks'
import { useEventStreamErrors } from './use-event-stream-errors'

describe('useEventStreamErrors', () => {
  it('hears every error without connecting, until the scope is disposed', async () => {
    const { stream, transport } = fakeStream({ retry: { initialDelay: 60_000 } })
    const kinds: string[] = []
    const scope = effectScope()
    scope.run(() => useEventStreamErrors(stream, (error) => kinds.push(error.kind)))
    await settle()
    expect(transport.connections).toEqual([])

    const reader = stream.on('stockUpdate').subscribe()
    const server = await transport.connected()
    server.sendRaw({ type: 'stockUpdate', data: '{not json' })
    server.fail({ status: 503 })
    expect(kinds).toEqual(['decode', 'http'])
    scope.stop()
    stream.reconnect()
    ;(await transport.connected()).sendRaw({ type: 'stockUpdate', data: '{not json' })
    expect(kinds).toEqual(['decode', 'http'])
    reader.unsubscribe()
  })
})
