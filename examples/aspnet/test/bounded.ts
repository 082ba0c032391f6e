// Only a guard against a hung test; no test depends on how long anything takes.
const LIMIT_MS = 30_000

/** `promise`, or a rejection naming `what` if it has not settled within the limit. */
export function bounded<T>(promise: Promise<T>, what: string, limitMs = LIMIT_MS): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`gave up waiting for ${what}`)), limitMs)
  })
  return Promise.race([promise, limit]).finally(() => clearTimeout(timer))
}
