// One Node client in its own process, running passes on request from node.bench.ts.
import { elapsed, read, type Reading } from '../clocks'
import { installMemoryFetch } from '../clients/memory-fetch'
import { nodeClient } from '../clients/node'
import { runPass, type PassResult } from '../clients/pass'
import { serveRequests } from '../lib/workers'

export interface NodePass extends PassResult {
  /** Main-thread and whole-process CPU time from open() to the n-th event, ms. */
  threadMs: number
  cpuMs: number
}

const client = nodeClient(process.argv[2] ?? '')
if (process.argv[3] === 'memory') installMemoryFetch()

serveRequests(async (request) => {
  const { url, n, timeoutMs } = request as { url: string; n: number; timeoutMs: number }
  // Garbage from the previous pass is collected now, not during this one.
  globalThis.gc?.()
  let end: Reading | undefined
  const start = read()
  const result = await runPass(client, url, n, {
    now: () => performance.now(),
    timeoutMs,
    onLast: () => (end = read()),
  })
  const spent = elapsed(start, end ?? read())
  const pass: NodePass = { ...result, threadMs: spent.thread, cpuMs: spent.cpu }
  return pass
})
