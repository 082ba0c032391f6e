/**
 * Whether a `Content-Type` header names `text/event-stream`, whatever its case and parameters
 * (`text/event-stream; charset=utf-8`). spec: "if res's Content-Type is not text/event-stream,
 * fail the connection" compares the essence of the MIME type only.
 */
export function isEventStream(contentType: string | null): boolean {
  if (contentType === null) return false
  const semicolon = contentType.indexOf(';')
  const essence = semicolon === -1 ? contentType : contentType.slice(0, semicolon)
  return essence.trim().toLowerCase() === 'text/event-stream'
}
