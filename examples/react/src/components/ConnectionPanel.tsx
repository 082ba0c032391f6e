import type { StreamStatus } from '@rivulet/core'
import {
  describeIds,
  describeLastError,
  describeStatus,
  RECONNECT,
  reconnections,
  recovered,
  statusTone,
} from '@rivulet/example-shared'
import type { IdLedger } from '@rivulet/example-shared'
import type { Connection } from '../use-ticker'
import { useNow } from '../use-ticker'

export function ConnectionPanel({ connection, ids }: { connection: Connection; ids: IdLedger }) {
  const { status, history, lastEventId, reconnect } = connection
  const isRecovered = recovered(history)
  return (
    <section className="panel connection" aria-labelledby="connection-title">
      <h2 id="connection-title">Connection</h2>
      <StatusBadge status={status} />
      <dl className="facts">
        <dt>Last event id</dt>
        <dd id="last-event-id">{lastEventId === '' ? '—' : lastEventId}</dd>
        <dt>Reconnections</dt>
        <dd id="reconnections">{reconnections(history)}</dd>
        <dt>Last error</dt>
        <dd id="last-error" data-recovered={String(isRecovered)}>
          {describeLastError(history.lastError?.error, isRecovered)}
        </dd>
        <dt>Ids received</dt>
        <dd id="ids">{describeIds(ids)}</dd>
      </dl>
      <div className="actions">
        <button id="reconnect" type="button" aria-describedby="reconnect-hint" onClick={reconnect}>
          {RECONNECT.label}
        </button>
        <p id="reconnect-hint">{RECONNECT.explains}</p>
      </div>
    </section>
  )
}

/** Only this re-renders with the clock, for the countdown. */
function StatusBadge({ status }: { status: StreamStatus }) {
  const now = useNow()
  return (
    <p
      id="status"
      className="badge"
      role="status"
      data-state={status.state}
      data-tone={statusTone(status)}
    >
      <span className="dot" aria-hidden="true"></span>
      <span id="status-text">{describeStatus(status, now)}</span>
    </p>
  )
}
