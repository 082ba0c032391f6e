import type { AnyEventStream, Store } from '@rivulet/core'
import { shallowRef } from 'vue'
import type { ShallowRef } from 'vue'
import { watchEventStream } from './watch-event-stream'
import type { ReadOptions, Source } from './watch-event-stream'

export const noop = (): void => {}

/**
 * A ref that follows a core store of the current stream: `storeOf` runs once per stream, so a
 * fold keeps its value while `enabled` is off; `empty` is the value without a stream.
 */
export function followStore<S extends AnyEventStream, T>(
  source: Source<S>,
  options: ReadOptions | undefined,
  storeOf: (stream: S) => Store<T>,
  empty: T,
): Readonly<ShallowRef<T>> {
  const value = shallowRef(empty)
  let of: S | undefined
  let store: Store<T> | undefined
  watchEventStream(source, options, (stream, reading) => {
    if (stream !== of) store = (of = stream) && storeOf(stream)
    const current = store
    const read = () => (value.value = current ? current.getSnapshot() : empty)
    read()
    return current && reading ? current.subscribe(read) : noop
  })
  return value
}
