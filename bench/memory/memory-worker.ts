// One memory test of one client in a fresh process: nothing else's garbage in its heap.
import { nodeClient } from '../clients/node'
import { serveRequests } from '../lib/workers'
import { clientCycle, resubscribeCycle, runCycles } from './cycles'
import { runEvents } from './events'

export const RESUBSCRIBE = 'rivulet-resubscribe'

serveRequests(async (request) => {
  const { test, client, origin, count, timeoutMs } = request as {
    test: 'cycles' | 'events'
    client: string
    origin: string
    count: number
    timeoutMs: number
  }
  if (test === 'events') {
    return runEvents(nodeClient(client), `${origin}/generated?n=${count}`, count, timeoutMs)
  }
  const cycle = client === RESUBSCRIBE ? resubscribeCycle() : clientCycle(nodeClient(client), 5000)
  return runCycles(cycle, () => `${origin}/hold`, count)
})
