// Bundled by the Chromium lifecycle and tabs tests and run in real pages: one stream per page,
// made and watched through the public API only; the test reads what the page saw.
import { acrossTabs, createEventStream, inStorage, pageLifecycle } from '../src'
import type { PageLifecycleOptions, StreamStatus } from '../src'

export interface PageStream {
  /** Sent as `x-tab`, so the server can tell which page holds the connection. */
  readonly tab: string
  /** The features, as data the test can send to the page; `open` turns them into options. */
  readonly options: PageLifecycleOptions & {
    readonly share?: 'tabs'
    readonly persist?: 'session' | 'local'
    readonly dedupe?: boolean
  }
}

export interface PageRecord {
  /** The id of every event delivered, in order. */
  readonly ids: (string | undefined)[]
  /** Every status, `paused` with its reason (`paused:hidden`). */
  readonly states: string[]
  /** The last event ID at each `connecting`: what each attempt of this page asks to resume from. */
  readonly asked: string[]
  /** The page lifecycle events, as they came: `pagehide:true`, `pageshow:true`, `freeze`… */
  readonly page: string[]
}

declare global {
  var record: PageRecord | undefined
}

// Which load of the page this is: attempts after a reload are new ones.
const load = Math.random().toString(36).slice(2)
const lifecycle: string[] = []
addEventListener('pagehide', (e) => lifecycle.push('pagehide:' + e.persisted))
addEventListener('pageshow', (e) => lifecycle.push('pageshow:' + e.persisted))
for (const type of ['freeze', 'resume', 'visibilitychange'])
  document.addEventListener(type, () =>
    lifecycle.push(type === 'visibilitychange' ? document.visibilityState : type),
  )

function open({ tab, options }: PageStream): void {
  const { share, persist, dedupe, ...page } = options
  let attempt = 0
  const stream = createEventStream<{ tick: number }>('/sse', {
    transport: 'fetch',
    // Fast retries keep the tests short; the policy's floor still holds.
    retry: { initialDelay: 50, minDelay: 50, jitter: 0 },
    // Called for every attempt: the server can tell an attempt from a copy of it (see
    // `attempts` in page-harness.ts).
    headers: () => ({ 'x-tab': tab, 'x-attempt': `${tab}-${load}-${++attempt}` }),
    share: share ? acrossTabs() : undefined,
    persist: persist ? inStorage(persist) : undefined,
    dedupe,
    lifecycle: pageLifecycle(page),
  })
  const record: PageRecord = { ids: [], states: [], asked: [], page: lifecycle }
  stream.status$.subscribe((status: StreamStatus) => {
    record.states.push(status.state === 'paused' ? 'paused:' + status.reason : status.state)
    if (status.state === 'connecting') record.asked.push(stream.lastEventId)
  })
  stream.events$.subscribe((event) => record.ids.push(event.id))
  globalThis.record = record
}

Object.assign(globalThis, { rivulet: { open } })
