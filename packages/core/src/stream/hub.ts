import { Observable } from 'rxjs'
import type { Subscriber } from 'rxjs'

/**
 * Who listens to a stream: subscribers of every event (key `undefined`) and of one type each.
 * Delivery looks the type up once, so it costs the same per event however many types are
 * subscribed. Lists are replaced, never changed in place, so a subscriber joining or leaving
 * during a delivery changes nothing for the event being delivered.
 *
 * `first` runs when the first subscriber arrives and `last` when the last one leaves: the shared
 * connection's lifetime.
 */
export function createHub(first: () => void, last: () => void, closed: () => boolean) {
  const lists = new Map<string | undefined, Subscriber<unknown>[]>()
  let count = 0

  return {
    observe<T>(key: string | undefined): Observable<T> {
      return new Observable<T>((subscriber) => {
        if (closed()) return subscriber.complete()
        const added = subscriber as Subscriber<unknown>
        lists.set(key, [...(lists.get(key) ?? []), added])
        if (count++ === 0) first()
        return () => {
          const rest = lists.get(key)?.filter((s) => s !== added) ?? []
          if (rest.length > 0) lists.set(key, rest)
          else lists.delete(key)
          if (--count === 0) last()
        }
      })
    },
    /** The subscribers of one key, as of now; `undefined` if none. */
    listeners: (key: string | undefined) => lists.get(key),
    /** Completes every subscriber (the stream closed). */
    complete(): void {
      const everyone = [...lists.values()].flat()
      lists.clear()
      for (const subscriber of everyone) subscriber.complete()
    },
  }
}
