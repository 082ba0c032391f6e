import type { StandardSchemaV1 } from '@standard-schema/spec'
import type { StreamError } from '../errors'
import { decodeError, validationError } from '../errors'
import type { ServerSentEvent } from '../parse'
import { decoderFor } from './decode'
import type { createHub } from './hub'
import type { StateOwner } from './state'
import type { EventMap, EventStreamOptions } from './types'

type Validation = StandardSchemaV1.Result<unknown> | Promise<StandardSchemaV1.Result<unknown>>

/**
 * What happens to each event between the connection and the subscribers: de-duplication by id,
 * decoding, schema validation, then the state owner and the hub. Events keep their order
 * even when a schema validates asynchronously: once one is pending, later events queue behind it.
 */
export function delivery<Events extends EventMap>(
  options: EventStreamOptions<Events>,
  state: StateOwner,
  hub: ReturnType<typeof createHub>,
  fail: (error: StreamError) => void,
): (events: readonly ServerSentEvent[], live: () => boolean) => void {
  const decode = decoderFor(options.decode)
  const schemas = options.schemas as
    Readonly<Record<string, StandardSchemaV1 | undefined>> | undefined
  const seen = options.dedupe
    ? recentIds(options.dedupe === true ? 1000 : options.dedupe)
    : undefined
  let queue: Promise<void> | undefined
  let queued = 0

  const reject = (error: StreamError, event: ServerSentEvent) => {
    // The event did arrive: its id moves the stream on, so a reconnection does not replay it.
    state.movedTo(event.lastEventId)
    state.reported(error)
    if (options.onDecodeError === 'close') fail(error)
  }

  const publish = (event: ServerSentEvent, data: unknown) => {
    state.movedTo(event.lastEventId)
    hub.deliver(event, data)
  }

  const settle = (event: ServerSentEvent, result: StandardSchemaV1.Result<unknown>) => {
    if (result.issues) reject(validationError(event, result.issues), event)
    else publish(event, result.value)
  }

  /** Delivers at once, or returns the promise of an asynchronous validation. */
  const process = (event: ServerSentEvent): Promise<void> | undefined => {
    let data: unknown
    let result: Validation | undefined
    try {
      data = decode(event.data, event)
      result = schemas?.[event.type]?.['~standard'].validate(data)
    } catch (cause) {
      reject(decodeError(event, cause), event)
      return undefined
    }
    if (result === undefined) publish(event, data)
    else if (!(result instanceof Promise)) settle(event, result)
    else
      return result.then(
        (settled) => settle(event, settled),
        (cause: unknown) => reject(decodeError(event, cause), event),
      )
    return undefined
  }

  const one = (event: ServerSentEvent) => {
    if (seen !== undefined && event.id !== undefined && !seen(event.id)) {
      state.movedTo(event.lastEventId)
      return
    }
    if (queue !== undefined) {
      queued++
      queue = queue.then(() => process(event)).finally(() => --queued === 0 && (queue = undefined))
      return
    }
    const pending = process(event)
    if (pending !== undefined) {
      queued++
      queue = pending.finally(() => --queued === 0 && (queue = undefined))
    }
  }

  // One call a batch: each event may end the attempt (a subscriber closing the stream or
  // reconnecting), so `live` is asked before each.
  return (events, live) => {
    for (let i = 0; i < events.length && live(); i++) one(events[i] as ServerSentEvent)
  }
}

/** Remembers the last `size` ids; returns whether `id` is new (and remembers it). */
function recentIds(size: number): (id: string) => boolean {
  const set = new Set<string>()
  const ring: string[] = []
  let next = 0
  return (id) => {
    if (set.has(id)) return false
    if (ring.length < size) ring.push(id)
    else {
      set.delete(ring[next] as string)
      ring[next] = id
      next = (next + 1) % size
    }
    set.add(id)
    return true
  }
}
