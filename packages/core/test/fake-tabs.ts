import { vi } from 'vitest'

/**
 * BroadcastChannel and Web Locks as the tabs of one browser see them, in one test: every stream
 * made while these are installed is a tab of its own. Messages are structured-cloned and
 * delivered as tasks (timers, so fake timers drive them), in order for each receiver; a
 * receiver can be held back to play a slow tab.
 */
export function fakeTabs({ locks = true } = {}) {
  const channels: FakeChannel[] = []

  class FakeChannel {
    onmessage: ((event: MessageEvent) => void) | null = null
    closed = false
    /** While set, messages wait here instead of being delivered. */
    held: unknown[] | undefined
    constructor(readonly name: string) {
      channels.push(this)
    }
    /** Set by `mute()`: what this channel sends reaches no one (a page that stopped answering). */
    muted = false
    /** How long what this channel sends takes to arrive, in ms (a busy tab). */
    latency = 0
    postMessage(message: unknown): void {
      if (this.closed) throw new DOMException('channel closed', 'InvalidStateError')
      if (this.muted) return
      const data = structuredClone(message)
      for (const other of channels)
        if (other !== this && !other.closed && other.name === this.name)
          setTimeout(() => other.receive(data), this.latency)
    }
    receive(data: unknown): void {
      if (this.closed) return
      if (this.held) this.held.push(data)
      else this.onmessage?.({ data } as MessageEvent)
    }
    hold(): void {
      this.held ??= []
    }
    /** Delivers what was held, in order, and lets later messages through. */
    letGo(): void {
      const waiting = this.held ?? []
      this.held = undefined
      for (const data of waiting) setTimeout(() => this.receive(data), 0)
    }
    mute(): void {
      this.muted = true
    }
    close(): void {
      this.closed = true
    }
  }

  type Waiter = {
    callback: () => Promise<void>
    resolve: (value: unknown) => void
    drop: () => void
  }
  const queues = new Map<string, Waiter[]>()
  const holders = new Set<string>()
  const grant = (name: string) => {
    if (holders.has(name)) return
    const next = queues.get(name)?.shift()
    if (next === undefined) return
    next.drop()
    holders.add(name)
    setTimeout(() => {
      void next.callback().then((value) => {
        holders.delete(name)
        next.resolve(value)
        grant(name)
      })
    }, 0)
  }
  const lockManager = {
    request(name: string, options: { signal: AbortSignal }, callback: () => Promise<void>) {
      return new Promise((resolve, reject) => {
        const { signal } = options
        if (signal.aborted) return reject(new DOMException('aborted', 'AbortError'))
        const queue = queues.get(name) ?? []
        queues.set(name, queue)
        const onAbort = () => {
          queue.splice(queue.indexOf(waiter), 1)
          reject(new DOMException('aborted', 'AbortError'))
        }
        const waiter: Waiter = {
          callback,
          resolve,
          drop: () => signal.removeEventListener('abort', onAbort),
        }
        signal.addEventListener('abort', onAbort)
        queue.push(waiter)
        grant(name)
      })
    },
  }

  vi.stubGlobal('BroadcastChannel', FakeChannel)
  Object.defineProperty(navigator, 'locks', {
    value: locks ? lockManager : undefined,
    configurable: true,
  })

  return {
    /** Every channel opened, oldest first. */
    channels,
    /** The open data channels (not the election's), oldest first: one per tab taking part. */
    get open(): FakeChannel[] {
      return channels.filter((c) => !c.closed && !c.name.endsWith(':election'))
    },
    /** Whether a tab holds the lock `name`. */
    held: (name: string) => holders.has(name),
    uninstall(): void {
      vi.unstubAllGlobals()
      Object.defineProperty(navigator, 'locks', { value: undefined, configurable: true })
    },
  }
}

export type FakeTabs = ReturnType<typeof fakeTabs>
