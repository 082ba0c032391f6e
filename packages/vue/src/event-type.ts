import type { EventMap, EventType } from '@rivulet/core'

type IsUnion<T, U = T> = (
  T extends unknown ? ([U] extends [T] ? false : true) : never
) extends false
  ? false
  : true

/** What the event-type parameter becomes when the map has several types and only it is given. */
export type NameTheEventType =
  'Several event types: name the one to read as a second type argument too, as in <Events, "notice">(url, "notice")'

/**
 * The default of a composable's event-type parameter when the event map is given explicitly
 * (TypeScript then infers no other type argument): the map's only type, or, for several, a type
 * no event name matches, so `useEventStream<Events>(url, 'notice')` fails to compile instead of
 * typing `data` as the union of every payload.
 */
export type SoleEventType<Events extends EventMap> =
  IsUnion<EventType<Events>> extends true ? NameTheEventType : EventType<Events>

/** The payload of `K`, or `never` for the error type above. */
export type Payload<Events extends EventMap, K> = K extends EventType<Events> ? Events[K] : never
