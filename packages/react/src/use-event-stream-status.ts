import { useMemo } from 'react'
import { eventStreamStatusStore } from '@rivulet/core'
import type { AnyEventStream, StreamStatus } from '@rivulet/core'
import { constantStore, useStore } from './stores'

const NO_STREAM = constantStore<StreamStatus>({ state: 'idle' })

/**
 * The stream's connection status. Never connects: it shows what the components that read events
 * are doing, so a status badge can sit anywhere. Takes any stream, whatever its events.
 *
 * ```tsx
 * const status = useEventStreamStatus(stocks)
 * return <span>{status.state}</span>
 * ```
 */
export function useEventStreamStatus(stream: AnyEventStream | null | undefined): StreamStatus {
  return useStore(useMemo(() => (stream ? eventStreamStatusStore(stream) : NO_STREAM), [stream]))
}
