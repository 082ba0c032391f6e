import { Observable } from 'rxjs'
import type { Subscriber } from 'rxjs'
import type { ServerSentEvent } from '../parse'

/**
 * One event type's route: its subscribers, replaced (never changed in place) when one joins or
 * leaves, and the latest payload of the type.
 */
interface Route {
  list: Subscriber<unknown>[]
  latest: unknown
  /** The app subscribed to the type (`on`): the route is kept for the stream's lifetime. */
  named: boolean
}

/**
 * How many types nobody named keep a route for their latest payload, the newest kept: a server
 * sending ever new event types cannot grow the table, nor the payloads it holds, without bound.
 */
export const UNNAMED_TYPES_KEPT = 64

/**
 * Who listens to a stream, and the latest payload of each type: subscribers of every event
 * (`events$`) and of one type each. The one writer of both.
 *
 * Delivery looks a type up once per event, and not at all in a run of events of one type (the
 * route is cached); that one comparison of the type is the only one on the way to a subscriber.
 * Lists are replaced, never changed in place, so a subscriber joining or leaving during a
 * delivery changes nothing for the event being delivered.
 *
 * `first` runs when the first subscriber arrives and `last` when the last one leaves: the shared
 * connection's lifetime.
 */
export function createHub(first: () => void, last: () => void, closed: () => boolean) {
  const routes = new Map<string, Route>()
  // The subscribers of every event (`events$`), a route of no type.
  const all: Route = { list: [], latest: undefined, named: true }
  let unnamed = 0
  let cachedType: string | undefined
  let cached = all
  let count = 0

  /** The route of `type`, made if it has none; `named`: the app subscribes to the type. */
  const route = (type: string, named: boolean): Route => {
    if (type !== cachedType) {
      let found = routes.get(type)
      if (found === undefined) {
        routes.set(type, (found = { list: [], latest: undefined, named }))
        // The oldest unnamed route goes (named ones are few, the app's own types).
        if (!named && ++unnamed > UNNAMED_TYPES_KEPT)
          for (const [old, r] of routes) if (!r.named && routes.delete(old)) break
      }
      cachedType = type
      cached = found
    }
    if (named && !cached.named) {
      cached.named = true
      unnamed--
    }
    return cached
  }

  return {
    observe<T>(type: string | undefined): Observable<T> {
      return new Observable<T>((subscriber) => {
        if (closed()) return subscriber.complete()
        const added = subscriber as Subscriber<unknown>
        const own = type === undefined ? all : route(type, true)
        own.list = [...own.list, added]
        if (count++ === 0) first()
        return () => {
          own.list = own.list.filter((s) => s !== added)
          if (--count === 0) last()
        }
      })
    },
    /**
     * Records `data` as the latest of its type, then hands it to the subscribers of every event
     * (as a `StreamEvent`) and to those of its type.
     */
    deliver(event: ServerSentEvent, data: unknown): void {
      const own = route(event.type, false)
      own.latest = data
      const every = all.list
      if (every.length > 0) {
        const typed = {
          type: event.type,
          data,
          id: event.id,
          lastEventId: event.lastEventId,
          raw: event.data,
        }
        for (const subscriber of every) subscriber.next(typed)
      }
      // Read after them: one of them may have closed the stream, which empties every list.
      for (const subscriber of own.list) subscriber.next(data)
    },
    latest: (type: string): unknown => routes.get(type)?.latest,
    /** Completes every subscriber (the stream closed). Latest payloads are kept. */
    complete(): void {
      const everyone = [all, ...routes.values()].flatMap((r) => r.list)
      for (const r of [all, ...routes.values()]) r.list = []
      for (const subscriber of everyone) subscriber.complete()
    },
  }
}
