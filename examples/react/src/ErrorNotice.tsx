import { useEffect, useState } from 'react'
import type { EventStream, StreamError } from '@rivulet/core'
import { useEventStreamStatus } from '@rivulet/react'
import type { StockEvents } from './stocks'

interface SeenError {
  readonly error: StreamError
  readonly at: Date
}

/** The last error the stream reported, and whether it is still what keeps it from being open. */
export function ErrorNotice({ stream }: { stream: EventStream<StockEvents> }) {
  const [last, setLast] = useState<SeenError | undefined>(undefined)
  const status = useEventStreamStatus(stream)
  // errors$ also carries what the status does not: a quote that failed to decode, for instance.
  useEffect(() => {
    const subscription = stream.errors$.subscribe((error) => setLast({ error, at: new Date() }))
    return () => subscription.unsubscribe()
  }, [stream])

  if (last === undefined) return null
  const current = status.state !== 'open'
  return (
    <p
      className={current ? 'error current' : 'error past'}
      data-kind={last.error.kind}
      role="alert"
    >
      {current ? 'Error' : 'Recovered from'}: {last.error.message}{' '}
      <time>{last.at.toLocaleTimeString()}</time>
    </p>
  )
}
