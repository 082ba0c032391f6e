// Where a client wants to resume from. EventSource sends the Last-Event-ID header when it
// reconnects by itself; a page that creates a new EventSource cannot set headers, so it may
// pass ?lastEventId= instead. On a reconnect of such an instance both are present and the
// header is the newer one, so it wins.

export type ResumePoint =
  | { readonly kind: 'none' }
  | { readonly kind: 'id'; readonly id: number; readonly raw: string }
  | { readonly kind: 'invalid'; readonly raw: string }

export function readResumePoint(
  header: string | string[] | undefined,
  query: URLSearchParams,
): ResumePoint {
  const fromHeader = Array.isArray(header) ? header[0] : header
  const raw = nonEmpty(fromHeader) ?? nonEmpty(query.get('lastEventId') ?? undefined)
  if (raw === undefined) return { kind: 'none' }
  const id = /^\d+$/.test(raw) ? Number(raw) : NaN
  return Number.isSafeInteger(id) ? { kind: 'id', id, raw } : { kind: 'invalid', raw }
}

export function describeResumePoint(resume: ResumePoint): string {
  return resume.kind === 'none' ? 'live' : `after ${JSON.stringify(resume.raw)}`
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value
}
