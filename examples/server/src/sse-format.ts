// Serialises Server-Sent Events to the wire format (WHATWG HTML, "server-sent events").
// Field order follows ASP.NET Core's SseFormatter (event, data, id), so captures from this
// server and the .NET original read the same.

export interface SseEvent {
  readonly event?: string
  readonly data: string
  readonly id?: string
}

export function formatEvent({ event, data, id }: SseEvent): string {
  let frame = ''
  if (event !== undefined) frame += `event: ${singleLine('event', event)}\n`
  // A data value containing newlines must become several data lines; the client joins them
  // back with '\n'. Splitting on CR too keeps a stray '\r' from ending a line early.
  for (const line of data.split(/\r\n|\r|\n/)) frame += `data: ${line}\n`
  if (id !== undefined) frame += `id: ${singleLine('id', id)}\n`
  return `${frame}\n`
}

export function formatRetry(milliseconds: number): string {
  return `retry: ${Math.max(0, Math.trunc(milliseconds))}\n\n`
}

export function formatComment(text: string): string {
  return `: ${singleLine('comment', text)}\n\n`
}

function singleLine(field: string, value: string): string {
  // A newline would silently start a new field on the client; refuse rather than corrupt.
  if (/[\r\n]/.test(value)) throw new Error(`SSE ${field} must not contain a line break`)
  return value
}
