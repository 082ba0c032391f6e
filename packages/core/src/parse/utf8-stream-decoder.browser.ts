import type { Utf8StreamDecoder } from './utf8-stream-decoder'

const STREAM = { stream: true }

/**
 * The decoder of the browser build (the package's `browser` export condition): the platform's
 * streaming `TextDecoder` alone. Browsers decode ASCII at memory speed in it, so the Node path of
 * `utf8-stream-decoder.ts`, which no page can take (it needs Node's `Buffer`), would only add to
 * what a page downloads: 214 B min+gzip with `createEventStream`, 219 B with `createParser`
 * (`node scripts/size.mjs`, 2026-12-06; core README "Size").
 */
export function createUtf8StreamDecoder(): Utf8StreamDecoder {
  const streaming = new TextDecoder('utf-8', { ignoreBOM: true })
  // The streaming decoder holds no unfinished character.
  let clean = true
  return {
    decode(chunk: Uint8Array): string {
      const last = chunk[chunk.length - 1] as number
      // Twin of the Node decoder's first step: a stream trickling in byte by byte skips a native
      // call per byte, V8 keeping one-character strings ready.
      if (chunk.length === 1 && last < 0x80 && clean) return String.fromCharCode(last)
      clean = last < 0x80
      return streaming.decode(chunk, STREAM)
    },
    reset(): void {
      streaming.decode()
      clean = true
    },
  }
}
