import type { Entry, FeedItem, Position } from './messages'

/**
 * How many items of the shared feed each tab keeps, to hand a tab that catches up (after a
 * takeover, or when it joins again) what it missed. Memory stays bounded: twice this at most.
 */
export const LOG_SIZE = 1000

/** The last items of the shared feed this tab delivered, oldest first. */
export function feedLog(size = LOG_SIZE) {
  let entries: Entry[] = []

  const indexOf = (at: Position): number => {
    for (let i = entries.length - 1; i >= 0; i--) {
      const entry = entries[i] as Entry
      if (entry.epoch === at.epoch && entry.seq === at.seq) return i
    }
    return -1
  }

  return {
    add(entry: Entry): void {
      entries.push(entry)
      // Trimmed in batches, so adding stays O(1) on average.
      if (entries.length >= 2 * size) entries = entries.slice(-size)
    },
    /** The position of the newest item, if any. */
    get last(): Position | undefined {
      const entry = entries.at(-1)
      return entry && { epoch: entry.epoch, seq: entry.seq }
    },
    /** The entries after `at`, or `undefined` when `at` is not (or no longer) in the log. */
    after(at: Position): Entry[] | undefined {
      const i = indexOf(at)
      return i < 0 ? undefined : entries.slice(i + 1)
    },
    /** Every entry of `epoch`, or `undefined` if the first have been trimmed already. */
    since(epoch: string): Entry[] | undefined {
      const first = entries.findIndex((entry) => entry.epoch === epoch)
      if (first < 0) return []
      return (entries[first] as Entry).seq === 1 ? entries.slice(first) : undefined
    },
    /** The entries after the newest event whose id is `id`, or `undefined` if there is none. */
    afterId(id: string): Entry[] | undefined {
      for (let i = entries.length - 1; i >= 0; i--) {
        const item = (entries[i] as Entry).item
        if ('event' in item && item.event.id === id) return entries.slice(i + 1)
      }
      return undefined
    },
  }
}

export type FeedLog = ReturnType<typeof feedLog>

/** Whether two items are the same one, sent again (a server replaying after a takeover). */
export function sameItem(a: FeedItem, b: FeedItem): boolean {
  if ('moved' in a) return 'moved' in b && a.moved === b.moved
  if (!('event' in b)) return false
  const x = a.event
  const y = b.event
  return x.id === y.id && x.type === y.type && x.data === y.data
}
