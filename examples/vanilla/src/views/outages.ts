import { NO_CONTROL_API, OUTAGES_HINT, outages, triggerOutage } from '@rivulet/example-shared'
import { byId, el } from '../dom'

/** Builds the buttons once; a click asks the control API and says what it answered. */
export function mountOutages(controlUrl: string | undefined, idleTimeout: number): void {
  byId('outages-hint').textContent = controlUrl === undefined ? NO_CONTROL_API : OUTAGES_HINT
  const result = byId('outage-result')
  const items = outages(idleTimeout).map((outage) => {
    const hint = el('p', '', outage.explains)
    hint.id = `outage-${outage.id}-hint`
    const button = el('button', '', outage.label)
    button.type = 'button'
    button.dataset.outage = outage.id
    button.setAttribute('aria-describedby', hint.id)
    button.disabled = controlUrl === undefined
    button.addEventListener('click', () => {
      if (controlUrl === undefined) return
      button.disabled = true
      void triggerOutage(controlUrl, outage).then(({ ok, text }) => {
        result.dataset.ok = String(ok)
        result.textContent = text
        button.disabled = false
      })
    })
    return el('li', '', button, hint)
  })
  byId('outage-list').replaceChildren(...items)
}
