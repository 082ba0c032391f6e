// One Node client in its own process, timing each event from the server's write to the sink.
import { nodeClient } from '../clients/node'
import { runPass } from '../clients/pass'
import { monotonicMs } from '../lib/payloads'
import { serveRequests } from '../lib/workers'

export interface LatencyPass {
  /** ms from the server's write to this client's callback, one per event, in arrival order. */
  latencies: number[]
  problems: string[]
}

const client = nodeClient(process.argv[2] ?? '')

serveRequests(async (request) => {
  const { url, n, timeoutMs } = request as { url: string; n: number; timeoutMs: number }
  globalThis.gc?.()
  const latencies: number[] = []
  const result = await runPass(client, url, n, {
    now: () => performance.now(),
    timeoutMs,
    observe: (quote) => {
      if (quote.sent !== undefined) latencies.push(monotonicMs() - quote.sent)
    },
  })
  const problems = [
    ...(result.failed === undefined ? [] : [result.failed]),
    ...(result.count === n ? [] : [`${result.count} events, expected ${n}`]),
    ...result.errors,
  ]
  const pass: LatencyPass = { latencies, problems }
  return pass
})
