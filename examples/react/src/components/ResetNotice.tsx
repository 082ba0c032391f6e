import { describeReset } from '@rivulet/example-shared'
import type { ResetEvent } from '@rivulet/example-shared'

export function ResetNotice({ reset, onDismiss }: { reset: ResetEvent; onDismiss: () => void }) {
  return (
    <div id="notice" className="notice" role="alert">
      <p id="notice-text">{describeReset(reset)}</p>
      <button id="dismiss" type="button" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  )
}
