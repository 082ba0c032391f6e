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
import type { ConnectionState, IdLedger } from '@rivulet/example-shared'
import { byId } from '../dom'

export interface ConnectionView {
  readonly status: StreamStatus
  readonly connection: ConnectionState
  readonly lastEventId: string
  readonly ids: IdLedger
  readonly now: number
}

/** Fills the connection panel; only text changes, so nothing focusable is ever replaced. */
export function renderConnection(view: ConnectionView): void {
  const badge = byId('status')
  badge.dataset.state = view.status.state
  badge.dataset.tone = statusTone(view.status)
  setText('status-text', describeStatus(view.status, view.now))
  setText('last-event-id', view.lastEventId === '' ? '—' : view.lastEventId)
  setText('reconnections', String(reconnections(view.connection)))
  const isRecovered = recovered(view.connection)
  setText('last-error', describeLastError(view.connection.lastError?.error, isRecovered))
  byId('last-error').dataset.recovered = String(isRecovered)
  setText('ids', describeIds(view.ids))
}

/** Writes only when the text changes, so a screen reader hears a status once. */
function setText(id: string, text: string): void {
  const element = byId(id)
  if (element.textContent !== text) element.textContent = text
}

/** The button under the panel: the stream's own `reconnect()`. */
export function mountReconnect(reconnect: () => void): void {
  const button = byId<HTMLButtonElement>('reconnect')
  button.textContent = RECONNECT.label
  byId('reconnect-hint').textContent = RECONNECT.explains
  button.addEventListener('click', reconnect)
}
