// Rivulet makes the article's pitfall visible: a stream whose server sends no ids cannot resume,
// and its reconnecting status says so (`resumable: false`).
import { EventSource } from 'eventsource'
import { filter, firstValueFrom, take, toArray } from 'rxjs'
import { afterAll, describe, expect, it } from 'vitest'
import { createEventStream, eventSourceTransport } from '@rivulet/core'
import type { EventStreamOptions, StreamStatus } from '@rivulet/core'
import { bounded } from './bounded'
import { startStockServer, stopAllStockServers } from './stock-server'

afterAll(stopAllStockServers)

const transports: [string, Pick<EventStreamOptions, 'transport'>][] = [
  ['fetch', { transport: 'fetch' }],
  ['eventsource (the eventsource package)', { transport: eventSourceTransport({ EventSource }) }],
]

const cases: [string, boolean][] = [
  ['/stocks2-as-written', false],
  ['/stocks2', true],
]

describe.each(transports)('over %s', (_, options) => {
  it.each(cases)(
    'reports the reconnection after a restart of %s as resumable: %s',
    async (path, resumable) => {
      const first = await startStockServer({ interval: 50, retry: 100 })
      const stream = createEventStream<{ stockUpdate: unknown }>(first.url + path, {
        ...options,
        retry: { initialDelay: 50, minDelay: 10, jitter: 0 },
      })
      const reconnecting = firstValueFrom(
        stream.status$.pipe(
          filter(
            (status): status is Extract<StreamStatus, { state: 'reconnecting' }> =>
              status.state === 'reconnecting',
          ),
        ),
      )
      // Held for the whole test: the stream stays connected while anything listens.
      const listening = stream.on('stockUpdate').subscribe()
      await bounded(firstValueFrom(stream.on('stockUpdate').pipe(take(2), toArray())), '2 quotes')
      first.signal('SIGTERM')
      await bounded(first.exited, 'the first server to exit')
      const status = await bounded(reconnecting, 'a reconnecting status')
      expect(status.resumable).toBe(resumable)
      expect(stream.lastEventId === '').toBe(!resumable)
      const second = await startStockServer({ interval: 50, retry: 100, port: first.port })
      await bounded(firstValueFrom(stream.on('stockUpdate')), 'a quote after the restart')
      listening.unsubscribe()
      stream.close()
      await second.stop()
    },
  )
})
