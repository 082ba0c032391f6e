import { describe, expect, it } from 'vitest'
import { fakeTransport } from '../../../test/fake-transport'
import { createEventStream } from '../create-event-stream'
import { acrossTabs } from './share-tabs'

describe('acrossTabs() outside browsers', () => {
  it('connects each stream for itself, as there are no tabs to share with', async () => {
    const transport = fakeTransport()
    const a = createEventStream('http://test/sse', { transport, share: acrossTabs() })
    const b = createEventStream('http://test/sse', { transport, share: acrossTabs() })
    a.events$.subscribe()
    b.events$.subscribe()
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(transport.connections).toHaveLength(2)
    a.close()
    b.close()
    expect(transport.connections.map((c) => c.closed)).toEqual([true, true])
  })

  it('needs a key when the URL is a function', () => {
    expect(() => createEventStream(() => '/sse', { share: acrossTabs() })).toThrow(
      new TypeError('acrossTabs() needs a key when the URL is a function'),
    )
    expect(() =>
      createEventStream(() => '/sse', { share: acrossTabs({ key: 'stocks' }) }),
    ).not.toThrow()
  })
})
