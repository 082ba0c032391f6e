import type { Collected } from './collect.fixtures'
import type { ServerSentEvent } from './types'

/**
 * The spec's "Event stream interpretation", transcribed as plainly as possible: the whole stream
 * decoded at once, split with a regular expression, and buffers handled literally (data buffer
 * with trailing LFs). Slow and obviously right, so the fast parser can be checked against it.
 */
export function parseWithReferenceModel(stream: Uint8Array): Omit<Collected, 'errors'> {
  // "UTF-8 decode" strips one leading BOM; TextDecoder does exactly that.
  const text = new TextDecoder().decode(stream)
  const events: ServerSentEvent[] = []
  const comments: string[] = []
  const retries: number[] = []
  let dataBuffer = ''
  let eventTypeBuffer = ''
  let lastEventIdBuffer = ''
  let lastEventIdString = ''
  let blockId: string | undefined

  const lineEnding = /\r\n|\r|\n/g
  let lineStart = 0
  // Only terminated lines are lines; what follows the last line ending is discarded at EOF.
  for (let match = lineEnding.exec(text); match; match = lineEnding.exec(text)) {
    const line = text.slice(lineStart, match.index)
    lineStart = lineEnding.lastIndex
    if (line === '') {
      lastEventIdString = lastEventIdBuffer
      const id = blockId
      blockId = undefined
      if (dataBuffer === '') {
        eventTypeBuffer = ''
        continue
      }
      if (dataBuffer.endsWith('\n')) dataBuffer = dataBuffer.slice(0, -1)
      events.push({
        type: eventTypeBuffer === '' ? 'message' : eventTypeBuffer,
        data: dataBuffer,
        lastEventId: lastEventIdString,
        id,
      })
      dataBuffer = ''
      eventTypeBuffer = ''
      continue
    }
    if (line.startsWith(':')) {
      comments.push(line.slice(1).replace(/^ /, ''))
      continue
    }
    const colon = line.indexOf(':')
    const field = colon === -1 ? line : line.slice(0, colon)
    const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '')
    if (field === 'event') eventTypeBuffer = value
    else if (field === 'data') dataBuffer += value + '\n'
    else if (field === 'id' && !value.includes('\0')) {
      lastEventIdBuffer = value
      blockId = value
    } else if (field === 'retry' && /^[0-9]+$/.test(value)) retries.push(Number(value))
  }
  return { events, comments, retries, lastEventId: lastEventIdString }
}
