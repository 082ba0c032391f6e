// Child processes that run one client each, driven over IPC. A client alone in its process
// keeps its JIT state and globals (fetch-event-source needs a `window`) away from the others,
// as in an app that uses one of them.
import { fork } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'

interface Reply {
  id: number
  ok: boolean
  value?: unknown
  error?: string
}

export interface Worker {
  readonly pid: number | undefined
  /** Sends one request and waits for its reply; a stuck child is killed after `timeoutMs`. */
  request<T>(message: Record<string, unknown>, timeoutMs: number): Promise<T>
  stop(): void
}

const live = new Set<ChildProcess>()

function killAll(): void {
  for (const child of live) child.kill('SIGKILL')
  live.clear()
}

// Whatever way the suite ends, no child outlives it.
process.on('exit', killAll)
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    killAll()
    process.exit(130)
  })
}

function execArgv(): string[] {
  const args = [...process.execArgv]
  if (!args.includes('--expose-gc')) args.push('--expose-gc')
  return args
}

export function startWorker(script: URL, args: readonly string[]): Worker {
  const child = fork(fileURLToPath(script), [...args], {
    execArgv: execArgv(),
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  live.add(child)
  let nextId = 1
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>()
  child.on('message', (reply: Reply) => {
    const waiter = pending.get(reply.id)
    if (waiter === undefined) return
    pending.delete(reply.id)
    if (reply.ok) waiter.resolve(reply.value)
    else waiter.reject(new Error(reply.error ?? 'worker failed'))
  })
  // A child that died is reported by 'exit'; without a listener a failed send would throw here.
  child.on('error', () => {})
  child.on('exit', (code, signal) => {
    live.delete(child)
    for (const waiter of pending.values())
      waiter.reject(new Error(`worker exited (${String(code ?? signal)})`))
    pending.clear()
  })
  return {
    pid: child.pid,
    request<T>(message: Record<string, unknown>, timeoutMs: number): Promise<T> {
      const id = nextId++
      return new Promise<T>((resolve, reject) => {
        if (!child.connected) return reject(new Error('worker is gone'))
        const timer = setTimeout(() => {
          pending.delete(id)
          child.kill('SIGKILL')
          reject(new Error(`worker timed out after ${timeoutMs} ms`))
        }, timeoutMs)
        pending.set(id, {
          resolve: (value) => {
            clearTimeout(timer)
            resolve(value as T)
          },
          reject: (error) => {
            clearTimeout(timer)
            reject(error)
          },
        })
        child.send({ ...message, id })
      })
    },
    stop() {
      child.kill('SIGTERM')
    },
  }
}

/** In the child: answers each request with the handler's result, one at a time. */
export function serveRequests(handler: (message: Record<string, unknown>) => Promise<unknown>) {
  let queue = Promise.resolve()
  process.on('message', (message: Record<string, unknown>) => {
    const id = message.id as number
    queue = queue.then(async () => {
      try {
        process.send?.({ id, ok: true, value: await handler(message) })
      } catch (error) {
        process.send?.({
          id,
          ok: false,
          error: error instanceof Error ? error.message : String(error),
        })
      }
    })
  })
  // An orphan (the parent died) has nothing left to do.
  process.on('disconnect', () => process.exit(0))
}
