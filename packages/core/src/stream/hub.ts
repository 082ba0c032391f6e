import { Observable } from 'rxjs'
import type { Subscriber } from 'rxjs'

/** The subscribers of one key, replaced (never changed in place) when one joins or leaves. */
interface Listeners {
  list: Subscriber<unknown>[]
}

/**
 * Who listens to a stream: subscribers of every event (key `undefined`) and of one type each.
 * Delivery looks the type up once, so it costs the same per event however many types are
 * subscribed, and nothing at all for a run of events of one type (the lookup is cached). Lists
 * are replaced, never changed in place, so a subscriber joining or leaving during a delivery
 * changes nothing for the event being delivered.
 *
 * `first` runs when the first subscriber arrives and `last` when the last one leaves: the shared
 * connection's lifetime.
 */
export function createHub(first: () => void, last: () => void, closed: () => boolean) {
  const byType = new Map<string, Listeners>()
  const every: Listeners = { list: [] }
  let cachedType: string | undefined
  let cached: Listeners | undefined
  let count = 0

  const of = (key: string | undefined): Listeners | undefined => {
    if (key === undefined) return every
    if (key !== cachedType) {
      cachedType = key
      cached = byType.get(key)
    }
    return cached
  }
  const holder = (key: string | undefined): Listeners => {
    let found = of(key)
    if (found === undefined) {
      byType.set(key as string, (found = { list: [] }))
      cachedType = undefined
    }
    return found
  }

  return {
    observe<T>(key: string | undefined): Observable<T> {
      return new Observable<T>((subscriber) => {
        if (closed()) return subscriber.complete()
        const added = subscriber as Subscriber<unknown>
        const listeners = holder(key)
        listeners.list = [...listeners.list, added]
        if (count++ === 0) first()
        return () => {
          listeners.list = listeners.list.filter((s) => s !== added)
          if (--count === 0) last()
        }
      })
    },
    /** The subscribers of one key, as of now (empty or `undefined` if none). */
    listeners: (key: string | undefined): readonly Subscriber<unknown>[] | undefined =>
      of(key)?.list,
    /** Completes every subscriber (the stream closed). */
    complete(): void {
      const everyone = [every.list, ...[...byType.values()].map((l) => l.list)].flat()
      every.list = []
      for (const listeners of byType.values()) listeners.list = []
      for (const subscriber of everyone) subscriber.complete()
    },
  }
}
