// Where a client wants to resume from. EventSource sends the Last-Event-ID header when it
// reconnects by itself; a page that creates a new EventSource cannot set headers, so it may
// pass ?lastEventId= instead. On a reconnect of such an instance both are present and the
// header is the newer one, so it wins. Which ids are valid is the event log's business.

export type ResumePoint = { readonly kind: 'none' } | { readonly kind: 'id'; readonly raw: string }

/**
 * `header` is the value as Node's http module hands it over: one character per byte (Latin-1).
 * The query parameter is percent-encoded UTF-8, which URLSearchParams already decodes.
 */
export function readResumePoint(
  header: string | string[] | undefined,
  query: URLSearchParams,
): ResumePoint {
  const fromHeader = Array.isArray(header) ? header[0] : header
  const decoded = fromHeader === undefined ? undefined : decodeHeaderBytes(fromHeader)
  const raw = nonEmpty(decoded) ?? nonEmpty(query.get('lastEventId') ?? undefined)
  return raw === undefined ? { kind: 'none' } : { kind: 'id', raw }
}

/**
 * spec (HTML, "server-sent events"): the user agent sends the last event ID "encoded as UTF-8".
 * Node decodes header bytes as Latin-1, so `株-7` would arrive as `æ ª-7`; turning each character
 * back into its byte and reading those as UTF-8 restores it. Bytes that are not UTF-8 become
 * U+FFFD, and such an id matches nothing, so the client gets a reset rather than a wrong replay.
 */
export function decodeHeaderBytes(latin1: string): string {
  // Plain ASCII (every id this server sends) is the same in both encodings: skip the copy.
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(latin1)) return latin1
  return Buffer.from(latin1, 'latin1').toString('utf8')
}

export function describeResumePoint(resume: ResumePoint): string {
  return resume.kind === 'none' ? 'live' : `after ${JSON.stringify(resume.raw)}`
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value
}
