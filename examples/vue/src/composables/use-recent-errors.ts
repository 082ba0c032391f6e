import type { EventMap, EventStream, StreamError } from '@rivulet/core'
import { onScopeDispose, shallowRef } from 'vue'

export interface ErrorEntry {
  readonly error: StreamError
  readonly at: Date
  /** Counts errors from 0: a key that stays unique within one millisecond. */
  readonly seq: number
}

/** The last few errors of a stream, newest first. Observing `errors$` never connects. */
export function useRecentErrors<Events extends EventMap>(stream: EventStream<Events>, max = 5) {
  const errors = shallowRef<readonly ErrorEntry[]>([])
  let seq = 0
  const subscription = stream.errors$.subscribe((error) => {
    errors.value = [{ error, at: new Date(), seq: seq++ }, ...errors.value].slice(0, max)
  })
  onScopeDispose(() => subscription.unsubscribe())
  return errors
}
