// The clients of a load run: plain HTTP streams on loopback that record each quote's number
// and how long it took from the quote's timestamp to its arrival here.

import { request } from 'node:http'
import type { ClientRequest } from 'node:http'
import type { ClientRecord } from './load-report'

const CONNECT_BATCH = 100

interface Client {
  readonly record: { ids: number[]; latencies: number[]; error?: string }
  readonly request: ClientRequest
}

interface LoadRun {
  readonly records: ClientRecord[]
  /** Quotes received by all clients during the measured seconds only. */
  readonly deliveriesInRun: number
  readonly connectMs: number
}

/**
 * Connects `clients` streams, spread in turn over `urls` (batches of 100), records for
 * `seconds`, then closes them all. Rejects if a client cannot connect.
 */
export async function runClients(urls: readonly string[], clients: number, seconds: number) {
  const connected: Client[] = []
  const started = performance.now()
  try {
    for (let i = 0; i < clients; i += CONNECT_BATCH) {
      const batch = Array.from({ length: Math.min(CONNECT_BATCH, clients - i) }, (_, j) =>
        connect(urls[(i + j) % urls.length] ?? ''),
      )
      connected.push(...(await Promise.all(batch)))
    }
  } catch (error) {
    for (const client of connected) client.request.destroy()
    throw error
  }
  const connectMs = Math.round(performance.now() - started)
  const before = total(connected)
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000))
  // Stop recording first, so every client is judged over the same moment.
  const records: ClientRecord[] = connected.map((client) => ({
    ...client.record,
    ids: [...client.record.ids],
    latencies: [...client.record.latencies],
  }))
  for (const client of connected) client.request.destroy()
  return { records, deliveriesInRun: total(records) - before, connectMs } satisfies LoadRun
}

function total(clients: readonly { ids: readonly number[] }[] | readonly Client[]): number {
  let sum = 0
  for (const client of clients)
    sum += 'record' in client ? client.record.ids.length : client.ids.length
  return sum
}

/** Opens one stream; resolves once the server's retry line arrived (subscribed). */
function connect(base: string): Promise<Client> {
  return new Promise((resolve, reject) => {
    const record: Client['record'] = { ids: [], latencies: [] }
    const req = request(`${base}/stocks`, { agent: false })
    req.on('error', (error) => {
      record.error ??= error.message
      reject(error)
    })
    req.on('response', (res) => {
      if (res.statusCode !== 200) return reject(new Error(`status ${res.statusCode}`))
      let pending = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => {
        pending += chunk
        // This server writes whole '\n'-separated blocks; a general client needs a real parser.
        let end
        while ((end = pending.indexOf('\n\n')) !== -1) {
          const block = pending.slice(0, end)
          pending = pending.slice(end + 2)
          if (block.startsWith('retry:')) resolve({ record, request: req })
          if (!block.startsWith('event: stockUpdate\n')) continue
          const data = /^data: (.*)$/m.exec(block)?.[1] ?? '{}'
          const quote = JSON.parse(data) as { id: number; timestamp: string }
          record.ids.push(quote.id)
          record.latencies.push(Date.now() - Date.parse(quote.timestamp))
        }
      })
      res.on('end', () => (record.error ??= 'stream ended by the server'))
      res.on('error', (error) => (record.error ??= error.message))
    })
    req.end()
  })
}
