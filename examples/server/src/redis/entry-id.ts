// Redis stream entry ids, `<milliseconds>-<sequence>`: what the SSE `id` is in the Redis backend.
// Redis orders them itself (XADD * never goes backwards, whichever client adds); we only compare
// them to drop an event that reached a client twice while it joined.

const ENTRY_ID = /^(\d{1,20})-(\d{1,20})$/

export function isEntryId(raw: string): boolean {
  return ENTRY_ID.test(raw)
}

/** Negative, zero or positive as `a` is before, equal to or after `b`. Both must be entry ids. */
export function compareEntryIds(a: string, b: string): number {
  const [msA, seqA] = parts(a)
  const [msB, seqB] = parts(b)
  if (msA !== msB) return msA < msB ? -1 : 1
  if (seqA !== seqB) return seqA < seqB ? -1 : 1
  return 0
}

/** The later of the ids given (undefined ones ignored). */
export function latestEntryId(...ids: (string | undefined)[]): string {
  let latest = '0-0'
  for (const id of ids) if (id !== undefined && compareEntryIds(id, latest) > 0) latest = id
  return latest
}

function parts(id: string): [bigint, bigint] {
  const match = ENTRY_ID.exec(id)
  if (match === null) throw new RangeError(`not a stream entry id: ${JSON.stringify(id)}`)
  // Each part is a 64-bit unsigned number in Redis: past 2^53, so BigInt.
  return [BigInt(match[1] ?? 0), BigInt(match[2] ?? 0)]
}
