// Floors: what any client must at least pay for the same bytes. They know this server's framing
// (one `data:` line last in every block, `\n\n` between blocks), so they skip everything a real
// parser must check; no client can beat them by much.
import type { Quote } from '../lib/quote'
import { openBody, readChunks } from './read'
import { endedByUs, type Client } from './types'

const LF = 10

/** Calls `onBlock` for every `\n\n` in the text fed to it, however the text is cut. */
export function blankLineCounter(onBlock: () => void): (text: string) => void {
  // Whether the previous piece ended in a lone LF, whose partner may start this one.
  let carried = false
  return (text) => {
    let at = 0
    if (carried && text.charCodeAt(0) === LF) {
      onBlock()
      at = 1
    }
    for (let end = text.indexOf('\n\n', at); end !== -1; end = text.indexOf('\n\n', at)) {
      onBlock()
      at = end + 2
    }
    carried = text.length > at && text.charCodeAt(text.length - 1) === LF
  }
}

/** Calls `onData` with the text of the last `data:` line of every complete block. */
export function dataLineSlicer(onData: (data: string) => void): (text: string) => void {
  let pending = ''
  return (piece) => {
    const text = pending + piece
    let at = 0
    for (let end = text.indexOf('\n\n', at); end !== -1; end = text.indexOf('\n\n', at)) {
      onData(text.slice(text.lastIndexOf('\ndata: ', end) + 7, end))
      at = end + 2
    }
    pending = text.slice(at)
  }
}

/** Read + streaming TextDecoder + count blank lines: no JSON, no fields. */
export const floor: Client = {
  id: 'floor',
  label: 'floor: fetch + TextDecoder + count blank lines',
  decodes: false,
  open(url, sink, probe) {
    const controller = new AbortController()
    const decoder = new TextDecoder()
    const count = blankLineCounter(() => sink(null))
    const done = openBody(url, controller.signal)
      .then((body) =>
        readChunks(body, controller.signal, probe, (chunk) =>
          count(decoder.decode(chunk, { stream: true })),
        ),
      )
      .catch(endedByUs(controller.signal))
    return { done, close: () => controller.abort(), errors: [] }
  },
}

/** The floor plus the work every client does per event: cut out the data line, JSON.parse it. */
export const floorJson: Client = {
  id: 'floor-json',
  label: 'floor + JSON: also slices the data line and parses it',
  decodes: true,
  open(url, sink, probe) {
    const controller = new AbortController()
    const decoder = new TextDecoder()
    const cut = dataLineSlicer((data) => sink(JSON.parse(data) as Quote))
    const done = openBody(url, controller.signal)
      .then((body) =>
        readChunks(body, controller.signal, probe, (chunk) =>
          cut(decoder.decode(chunk, { stream: true })),
        ),
      )
      .catch(endedByUs(controller.signal))
    return { done, close: () => controller.abort(), errors: [] }
  },
}
