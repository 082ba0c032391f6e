// UTF-8 decoding in Node, the figures behind Rivulet's decoder choices
// (packages/core/src/parse/utf8-stream-decoder.ts) and its 64 KiB pieces (parser.ts).
// Run: pnpm --filter @rivulet/bench bench:decode [--out results.md]
import { StringDecoder } from 'node:string_decoder'
import { createUtf8StreamDecoder } from '../packages/core/src/parse/utf8-stream-decoder'
import { read } from './clocks'
import { makeCorpus } from './corpora'
import { split } from './measure'
import { chunkLabel, commandLine, machineLine, writeSection } from './report'

const ROUNDS = 7
const TARGET_MS = 100
const PIECE = 64 * 1024

type Decode = (chunks: Uint8Array[]) => number

const streaming: Decode = (chunks) => {
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true })
  let length = 0
  for (const chunk of chunks) length += decoder.decode(chunk, { stream: true }).length
  return length
}

const oneShot: Decode = (chunks) => {
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true })
  let length = 0
  // Chunks cut mid-character yield a U+FFFD or two, which changes nothing about the cost.
  for (const chunk of chunks) length += decoder.decode(chunk).length
  return length
}

// Node's other UTF-8 decoders, measured so the choice between them is on record: string_decoder
// (V8's one-shot UTF-8 decode in C++, carrying a split character itself) and Buffer's utf8Slice.
const stringDecoder: Decode = (chunks) => {
  const decoder = new StringDecoder('utf8')
  let length = 0
  for (const chunk of chunks) length += decoder.write(chunk as Buffer).length
  return length
}

const utf8Slice = (Buffer.prototype as unknown as { utf8Slice: (s: number, e: number) => string })
  .utf8Slice
const bufferSlice: Decode = (chunks) => {
  let length = 0
  // One-shot per chunk, as oneShot: a split character costs nothing more.
  for (const chunk of chunks) length += utf8Slice.call(chunk, 0, chunk.length).length
  return length
}

const rivulet: Decode = (chunks) => {
  const decoder = createUtf8StreamDecoder()
  let length = 0
  for (const chunk of chunks) length += decoder.decode(chunk).length
  return length
}

/** The same decoder, given each chunk in pieces of 64 KiB at most, as the parser does. */
function inPieces(decode: Decode): Decode {
  return (chunks) => decode(chunks.flatMap((chunk) => split(chunk, PIECE)))
}

interface Figure {
  mbps: number
  /** Minor page faults per MB decoded: fresh memory the kernel had to map for the strings. */
  faults: number
}

/** Median MB/s of main-thread CPU time over ROUNDS samples of about TARGET_MS each. */
function measure(decode: Decode, chunks: Uint8Array[], bytes: number): Figure {
  let start = read().thread
  if (decode(chunks) < 0) throw new Error('unreachable: keeps the decode observable')
  const passes = Math.max(1, Math.ceil(TARGET_MS / Math.max(read().thread - start, 0.01)))
  const samples: number[] = []
  const faults: number[] = []
  for (let round = 0; round < ROUNDS; round++) {
    globalThis.gc?.()
    const faultsBefore = process.resourceUsage().minorPageFault
    start = read().thread
    for (let i = 0; i < passes; i++) decode(chunks)
    samples.push((bytes * passes) / ((read().thread - start) * 1000))
    faults.push(((process.resourceUsage().minorPageFault - faultsBefore) * 1e6) / (bytes * passes))
  }
  const middle = (values: number[]): number =>
    [...values].sort((a, b) => a - b)[ROUNDS >> 1] ?? Number.NaN
  return { mbps: middle(samples), faults: middle(faults) }
}

const mb = (figure: Figure): string => figure.mbps.toFixed(0)
const MI = 1024 * 1024

const texts = [
  ['ASCII (quote corpus)', makeCorpus('quote', 8 * MI).bytes],
  ['1 % of events accented (accented corpus)', makeCorpus('accented', 8 * MI).bytes],
  ['13 % non-ASCII bytes (multiline corpus)', makeCorpus('multiline', 8 * MI).bytes],
  ['29 % non-ASCII bytes (cjk corpus)', makeCorpus('cjk', 8 * MI).bytes],
] as const

const lines = [
  '## Node: UTF-8 decoding',
  '',
  `Machine: ${machineLine()}  `,
  `Command: \`${commandLine()}\`  `,
  `Run: ${new Date().toISOString()}; MB/s of main-thread CPU time, median of ${ROUNDS} rounds`,
  '',
  '### Decoders by text and chunk size',
  '',
  '| Text | Chunk | streaming TextDecoder | one-shot TextDecoder | string_decoder | Buffer utf8Slice | Rivulet’s decoder | Rivulet ÷ streaming |',
  '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
]
for (const [name, bytes] of texts) {
  for (const size of [1024, 16 * 1024, 64 * 1024]) {
    // Buffers, so string_decoder and utf8Slice take them as they are (views, no copy).
    const chunks = split(bytes, size).map((c) => Buffer.from(c.buffer, c.byteOffset, c.length))
    const s = measure(streaming, chunks, bytes.length)
    const o = measure(oneShot, chunks, bytes.length)
    const d = measure(stringDecoder, chunks, bytes.length)
    const b = measure(bufferSlice, chunks, bytes.length)
    const r = measure(rivulet, chunks, bytes.length)
    lines.push(
      `| ${name} | ${chunkLabel(size)} | ${mb(s)} | ${mb(o)} | ${mb(d)} | ${mb(b)} | ${mb(r)} | ${(r.mbps / s.mbps).toFixed(2)}× |`,
    )
    console.error(lines[lines.length - 1])
  }
}

lines.push(
  '',
  '### Splicing or streaming: one `é` every N bytes of ASCII, 64 KiB chunks',
  '',
  'Rivulet splices below one byte ≥ 0x80 in 2048 (an `é` is two), streams above.',
  '',
  '| One `é` every | streaming TextDecoder | Rivulet’s decoder | Rivulet ÷ streaming |',
  '| ---: | ---: | ---: | ---: |',
)
for (const every of [512, 1024, 2048, 4096, 8192, 32768]) {
  const unit = new TextEncoder().encode(`${'a'.repeat(every - 3)}é\n`)
  const bytes = new Uint8Array(8 * MI)
  for (let at = 0; at + unit.length <= bytes.length; at += unit.length) bytes.set(unit, at)
  bytes.fill(0x61, bytes.length - (bytes.length % unit.length))
  const chunks = split(bytes, 64 * 1024)
  const s = measure(streaming, chunks, bytes.length)
  const r = measure(rivulet, chunks, bytes.length)
  lines.push(`| ${every} B | ${mb(s)} | ${mb(r)} | ${(r.mbps / s.mbps).toFixed(2)}× |`)
  console.error(lines[lines.length - 1])
}

lines.push(
  '',
  '### Large chunks: 2 MiB decoded whole or in 64 KiB pieces',
  '',
  '| Text | Decoder | whole MB/s | pieces MB/s | pieces ÷ whole | page faults / MB, whole | pieces |',
  '| --- | --- | ---: | ---: | ---: | ---: | ---: |',
)
for (const [name, bytes] of texts) {
  const chunks = split(bytes, 2 * MI)
  for (const [label, decode] of [
    ['streaming TextDecoder', streaming],
    ['Rivulet’s decoder', rivulet],
  ] as const) {
    const whole = measure(decode, chunks, bytes.length)
    const pieces = measure(inPieces(decode), chunks, bytes.length)
    lines.push(
      `| ${name} | ${label} | ${mb(whole)} | ${mb(pieces)} | ${(pieces.mbps / whole.mbps).toFixed(2)}× | ${whole.faults.toFixed(0)} | ${pieces.faults.toFixed(0)} |`,
    )
    console.error(lines[lines.length - 1])
  }
}
lines.push(
  '',
  'A string over 128 KiB is too large for V8’s regular pages and gets fresh memory of its own',
  '(the page faults above: the kernel maps and zeroes it) that then misses every cache; strings',
  'of 64 KiB pieces are allocated in the young generation, which is reused and stays in cache.',
)

const report = lines.join('\n')
console.log(`\n${report}`)
const outAt = process.argv.indexOf('--out')
if (outAt >= 0) {
  const out = process.argv[outAt + 1] ?? 'results.md'
  writeSection(new URL(out, import.meta.url), 'parser-decode', report)
  console.error(`wrote ${out} (section parser-decode)`)
}
