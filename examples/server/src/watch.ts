// A Rivulet client in the terminal, to watch it resume across instances behind the proxy:
//
//   node dist/watch.js http://127.0.0.1:5000/stocks
//
// It prints which instance answered each connection (the X-Rivulet-Instance header, read through
// the `fetch` option), every status change and every quote with its event id. Ctrl-C stops it.

import { createEventStream } from '@rivulet/core'
import type { Quote } from './quotes'

const url = process.argv[2] ?? 'http://127.0.0.1:5000/stocks'
const time = () => new Date().toISOString().slice(11, 23)

const watchingFetch: typeof fetch = async (input, init) => {
  const response = await fetch(input, init)
  const instance = response.headers.get('x-rivulet-instance') ?? 'unknown'
  const resume = new Headers(init?.headers).get('last-event-id')
  console.log(
    `${time()} ${response.status} from instance ${instance}, resuming after ${resume ?? '(nothing)'}`,
  )
  return response
}

const stream = createEventStream<{ stockUpdate: Quote; reset: unknown }>(url, {
  transport: 'fetch',
  fetch: watchingFetch,
  retry: { initialDelay: 200, maxDelay: 2000, jitter: 0 },
})
stream.status$.subscribe((status) => {
  const detail =
    status.state === 'reconnecting'
      ? ` (attempt ${status.attempt}${status.error ? `, after ${status.error.kind}: ${status.error.message}` : ''})`
      : ''
  console.log(`${time()} status ${status.state}${detail}`)
})
stream.on('stockUpdate').subscribe((quote) => {
  console.log(
    `${time()} quote #${quote.id} ${quote.symbol} ${quote.price.toFixed(2)}  id ${stream.lastEventId}`,
  )
})
stream.on('reset').subscribe((reset) => console.log(`${time()} reset ${JSON.stringify(reset)}`))

const stop = () => {
  stream.close()
  process.exit(0)
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
