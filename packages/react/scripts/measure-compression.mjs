#!/usr/bin/env node
// How long a Rivulet stream waits for its first event when the server runs express's
// `compression()` middleware, beside the same server without it and with `res.flush()` after
// each event. Everything on 127.0.0.1, ephemeral ports, the scenarios interleaved round by round;
// prints the median and range of each, and the per-round ratio to the plain server.
//   pnpm build && pnpm --filter @rivulet/react measure:compression [-- --rounds 15]
import { createServer } from 'node:http'
import { performance } from 'node:perf_hooks'
import compression from 'compression'
import express from 'express'
import { createEventStream } from '@rivulet/core'

const arg = (name, fallback) => {
  const index = process.argv.indexOf(`--${name}`)
  return index === -1 ? fallback : Number(process.argv[index + 1])
}
const ROUNDS = arg('rounds', 15)
/** Each response: this many events, one every INTERVAL ms, then the end. */
const EVENTS = 10
const INTERVAL = 100
const PAYLOAD = JSON.stringify({ symbol: 'MSFT', price: 420.5, timestamp: new Date(0) })

const scenarios = {
  plain: [],
  'compression()': [compression()],
  'compression() + res.flush()': [compression()],
}

function app(middleware, flush, onFirstWrite) {
  const server = express()
  for (const layer of middleware) server.use(layer)
  server.get('/stocks', (_req, res) => {
    res.set({ 'content-type': 'text/event-stream', 'cache-control': 'no-cache' })
    res.flushHeaders()
    let sent = 0
    const send = () => {
      res.write(`id: ${sent}\ndata: ${PAYLOAD}\n\n`)
      if (flush) res.flush()
      if (sent === 0) onFirstWrite(performance.now())
      if (++sent === EVENTS) res.end()
    }
    send()
    const timer = setInterval(() => (sent < EVENTS ? send() : clearInterval(timer)), INTERVAL)
    res.on('close', () => clearInterval(timer))
  })
  return server
}

async function listen(handler) {
  const server = createServer(handler)
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { server, url: `http://127.0.0.1:${server.address().port}/stocks` }
}

/** One connection: ms from the server writing the first event to the stream delivering it. */
async function firstEventDelay(name) {
  let wrote
  const handler = app(scenarios[name], name.includes('flush'), (at) => (wrote = at))
  const { server, url } = await listen(handler)
  const stream = createEventStream(url, { transport: 'fetch', retry: false, live: false })
  try {
    const received = await new Promise((resolve, reject) => {
      const timeout = setTimeout(() => reject(new Error(`${name}: no event in 10 s`)), 10_000)
      stream.on('message').subscribe(() => {
        clearTimeout(timeout)
        resolve(performance.now())
      })
    })
    return received - wrote
  } finally {
    stream.close()
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  }
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = sorted.length >> 1
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}
const range = (values) => `${Math.min(...values).toFixed(1)}–${Math.max(...values).toFixed(1)}`

const results = Object.fromEntries(Object.keys(scenarios).map((name) => [name, []]))
for (let round = 0; round < ROUNDS; round++) {
  // Rotate the order each round, so no scenario always runs first (or last).
  const names = Object.keys(scenarios)
  for (let i = 0; i < names.length; i++) {
    const name = names[(i + round) % names.length]
    results[name].push(await firstEventDelay(name))
  }
}

console.log(
  `first event, ms after the server wrote it (${ROUNDS} rounds; ${EVENTS} events ${INTERVAL} ms apart per response; Node ${process.versions.node})`,
)
for (const [name, delays] of Object.entries(results)) {
  const ratios = delays.map((delay, round) => delay / results.plain[round])
  console.log(
    `${name.padEnd(28)} median ${median(delays).toFixed(1).padStart(7)}  range ${range(delays).padStart(15)}  ` +
      `× plain: median ${median(ratios).toFixed(1)}, range ${range(ratios)}`,
  )
}
