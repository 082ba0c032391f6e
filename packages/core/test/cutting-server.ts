import { openStream } from './sse-server'
import type { Handler } from './sse-server'

// Ids in CJK, accented Latin, emoji and ASCII: what `Last-Event-ID` must carry as UTF-8 bytes.
const PREFIXES = ['株', 'é', '🚀', 'a']

/** The id of event `n`: `株-0`, `é-1`, `🚀-2`, `a-3`, `株-4`… */
export const idOf = (n: number) => `${PREFIXES[n % PREFIXES.length]}-${n}`

/** mulberry32: a small seeded generator, so every run cuts at the same bytes. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * Serves `total` `tick` events with the ids of `idOf`, replaying from the last event ID it is
 * sent (header or query, read as UTF-8), and cuts each connection at a random byte, often inside
 * an event or a multi-byte character, until the last few events have gone out; that connection
 * stays open. `retry: 1` makes a native EventSource reconnect at once rather than after its 3 s.
 */
export function cuttingReplayServer(random: () => number, total: number): Handler {
  return (res, req) => {
    const last = req.lastEventId ?? ''
    const from = last === '' ? 0 : Number(last.slice(last.lastIndexOf('-') + 1)) + 1
    openStream(res)
    let text = 'retry: 1\n\n'
    for (let n = from; n < total; n++)
      text += `event: tick\nid: ${idOf(n)}\ndata: {"n":${n},"name":"Zoë 株式 🚀"}\n\n`
    const wire = Buffer.from(text)
    if (from + 3 >= total) return void res.write(wire)
    const cutAt = Math.floor(random() * Math.min(wire.length, 900))
    res.write(wire.subarray(0, cutAt), () => res.socket?.destroy())
  }
}
