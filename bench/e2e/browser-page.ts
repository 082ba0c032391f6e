// Bundled by esbuild into the page each Chromium client runs in.
import { browserClients } from '../clients/browser'
import { installMemoryFetch } from '../clients/memory-fetch'
import { runPass, type PassResult } from '../clients/pass'

declare global {
  interface Window {
    benchRun(id: string, url: string, n: number, timeoutMs: number): Promise<PassResult>
  }
}

// Only URLs made by `inMemory` (the suite's --memory) are served from memory.
installMemoryFetch()

window.benchRun = (id, url, n, timeoutMs) => {
  const client = browserClients().find((c) => c.id === id)
  if (client === undefined) return Promise.reject(new Error(`no browser client ${id}`))
  return runPass(client, url, n, { now: () => performance.now(), timeoutMs })
}
