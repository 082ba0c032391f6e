import { useState } from 'react'
import { NO_CONTROL_API, OUTAGES_HINT, outages, triggerOutage } from '@rivulet/example-shared'
import type { Outage, OutageId, OutageResult } from '@rivulet/example-shared'

export function Outages({
  controlUrl,
  idleTimeout,
}: {
  controlUrl: string | undefined
  idleTimeout: number
}) {
  const [pending, setPending] = useState<ReadonlySet<OutageId>>(new Set())
  const [result, setResult] = useState<OutageResult | undefined>(undefined)
  const trigger = (outage: Outage) => {
    if (controlUrl === undefined) return
    setPending((ids) => new Set(ids).add(outage.id))
    void triggerOutage(controlUrl, outage).then((answer) => {
      setResult(answer)
      setPending((ids) => {
        const next = new Set(ids)
        next.delete(outage.id)
        return next
      })
    })
  }
  return (
    <section className="panel outages" aria-labelledby="outages-title">
      <h2 id="outages-title">Outages</h2>
      <p id="outages-hint" className="hint">
        {controlUrl === undefined ? NO_CONTROL_API : OUTAGES_HINT}
      </p>
      <ul id="outage-list" className="outage-list">
        {outages(idleTimeout).map((outage) => (
          <li key={outage.id}>
            <button
              type="button"
              data-outage={outage.id}
              aria-describedby={`outage-${outage.id}-hint`}
              disabled={controlUrl === undefined || pending.has(outage.id)}
              onClick={() => trigger(outage)}
            >
              {outage.label}
            </button>
            <p id={`outage-${outage.id}-hint`}>{outage.explains}</p>
          </li>
        ))}
      </ul>
      <p
        id="outage-result"
        className="result"
        role="status"
        data-ok={result === undefined ? undefined : String(result.ok)}
      >
        {result?.text}
      </p>
    </section>
  )
}
