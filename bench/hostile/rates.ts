// How often hostile loopback servers make Rivulet try to connect, with the default retry policy:
// attempts in each second of a bounded window, per scenario and transport (issue 8's table).
//   pnpm --filter @rivulet/bench bench:hostile [--seconds 20]
import { createServer } from 'node:http'
import type { ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { EventSource } from 'eventsource'
import { createEventStream, eventSourceTransport } from '@rivulet/core'

const flag = process.argv.indexOf('--seconds')
const seconds = flag === -1 ? 20 : Number(process.argv[flag + 1])
if (!(seconds >= 2 && seconds <= 120)) throw new Error('--seconds takes 2 to 120')

type Hostile = (res: ServerResponse, request: number) => void

const stream = (res: ServerResponse, body: string) => {
  res.writeHead(200, { 'content-type': 'text/event-stream' })
  res.end(body)
}

const scenarios: [string, Hostile][] = [
  ['sends retry: 0, then ends each response', (res) => stream(res, 'retry: 0\n\n')],
  [
    'sent retry: 0 once, then the port refuses',
    (res, request) => (request === 0 ? stream(res, 'retry: 0\n\n') : res.socket?.destroy()),
  ],
  [
    'answers 503 with Retry-After: 0, every time',
    (res) => res.writeHead(503, { 'retry-after': '0' }).end(),
  ],
  ['accepts and closes at once', (res) => res.socket?.destroy()],
  ['opens the stream and ends it at once', (res) => stream(res, '')],
]

async function measure(name: string, hostile: Hostile, transport: 'fetch' | 'eventsource') {
  let requests = 0
  const server = createServer((_, res) => hostile(res, requests++))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
  // The port that refuses: the listener closes after the first answer.
  if (name.includes('refuses')) server.once('request', () => server.close())
  const attempts: number[] = []
  const started = Date.now()
  const s = createEventStream(url, {
    transport: transport === 'fetch' ? 'fetch' : eventSourceTransport({ EventSource }),
  })
  s.status$.subscribe((status) => {
    if (status.state === 'connecting') attempts.push(Date.now() - started)
  })
  s.events$.subscribe()
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000))
  s.close()
  server.closeAllConnections()
  server.close()
  const perSecond = Array.from(
    { length: seconds },
    (_, i) => attempts.filter((t) => t >= i * 1000 && t < (i + 1) * 1000).length,
  )
  const half = Math.floor(seconds / 2)
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0)
  return {
    scenario: name,
    transport,
    attempts: attempts.length,
    busiestSecond: Math.max(...perSecond),
    firstHalf: sum(perSecond.slice(0, half)),
    secondHalf: sum(perSecond.slice(half)),
    perSecond: perSecond.join(' '),
  }
}

console.log(`${seconds} s per scenario, default retry policy, Node ${process.version}`)
console.log('| server | transport | attempts | busiest second | 1st half | 2nd half | per second |')
console.log('| --- | --- | ---: | ---: | ---: | ---: | --- |')
for (const transport of ['fetch', 'eventsource'] as const)
  for (const [name, hostile] of scenarios) {
    const r = await measure(name, hostile, transport)
    console.log(
      `| ${r.scenario} | ${r.transport} | ${r.attempts} | ${r.busiestSecond} | ${r.firstHalf} | ${r.secondHalf} | ${r.perSecond} |`,
    )
  }
