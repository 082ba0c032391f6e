/**
 * The `Last-Event-ID` header value for `fetch`: spec: the header carries "the last event ID
 * string, UTF-8 encoded". Headers are byte strings, so each UTF-8 byte becomes one character
 * (`株` → `\xe6\xa0\xaa`). `undefined` when no header can carry it (CR, LF or NUL: only a
 * `lastEventId` option can hold one, never a server's `id:` field).
 */
export function lastEventIdHeader(id: string): string | undefined {
  if (/[\r\n\0]/.test(id)) return undefined
  let bytes = ''
  for (const byte of new TextEncoder().encode(id)) bytes += String.fromCharCode(byte)
  return bytes
}

/** Adds the last event ID as a percent-encoded UTF-8 query parameter, before any fragment. */
export function withLastEventId(url: string, lastEventId: string, param: string | null): string {
  if (lastEventId === '' || param === null) return url
  const [base = '', ...fragment] = url.split('#')
  const pair = encodeURIComponent(param) + '=' + encodeURIComponent(lastEventId)
  return base + (base.includes('?') ? '&' : '?') + pair + fragment.map((f) => '#' + f).join('')
}
