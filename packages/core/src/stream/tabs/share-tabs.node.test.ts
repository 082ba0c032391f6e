import { describe, expect, it } from 'vitest'
import { fakeTransport } from '../../../test/fake-transport'
import { createEventStream } from '../create-event-stream'

describe("share: 'tabs' outside browsers", () => {
  it('connects each stream for itself, as there are no tabs to share with', async () => {
    const transport = fakeTransport()
    const a = createEventStream('http://test/sse', { transport, share: 'tabs' })
    const b = createEventStream('http://test/sse', { transport, share: 'tabs' })
    a.events$.subscribe()
    b.events$.subscribe()
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(transport.connections).toHaveLength(2)
    a.close()
    b.close()
    expect(transport.connections.map((c) => c.closed)).toEqual([true, true])
  })

  it('needs a shareKey when the URL is a function', () => {
    expect(() => createEventStream(() => '/sse', { share: 'tabs' })).toThrow(
      new TypeError("share: 'tabs' needs a shareKey when the URL is a function"),
    )
    expect(() =>
      createEventStream(() => '/sse', { share: 'tabs', shareKey: 'stocks' }),
    ).not.toThrow()
  })
})
