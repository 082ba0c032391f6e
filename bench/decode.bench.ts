// Node's TextDecoder with and without `stream`, the figures behind Rivulet's decoder choice
// (packages/core/src/parse/utf8-stream-decoder.ts). Run: pnpm --filter @rivulet/bench bench:decode
import { makeCorpus } from './corpora'
import { split } from './measure'
import { machineLine } from './report'

const ROUNDS = 7
const TARGET_MS = 100

function cpuMs(): number {
  const { user, system } = process.cpuUsage()
  return (user + system) / 1000
}

/** MB/s (per CPU second) of decoding every chunk, median of ROUNDS samples of about TARGET_MS. */
function measure(chunks: Uint8Array[], bytes: number, stream: boolean): number {
  const options = { stream }
  const run = (): void => {
    const decoder = new TextDecoder('utf-8', { ignoreBOM: true })
    let length = 0
    for (const chunk of chunks) length += decoder.decode(chunk, options).length
    if (length < 0) throw new Error('unreachable: keeps the decode observable')
  }
  let start = cpuMs()
  run()
  const passes = Math.max(1, Math.ceil(TARGET_MS / Math.max(cpuMs() - start, 0.01)))
  const samples: number[] = []
  for (let round = 0; round < ROUNDS; round++) {
    globalThis.gc?.()
    start = cpuMs()
    for (let i = 0; i < passes; i++) run()
    samples.push((bytes * passes) / ((cpuMs() - start) * 1000))
  }
  return samples.sort((a, b) => a - b)[ROUNDS >> 1] ?? Number.NaN
}

const ascii = makeCorpus('quote', 4 * 1024 * 1024).bytes
// Text that is almost all multi-byte characters, and text with a few per line.
const wide = new TextEncoder().encode('日本語のテキスト🚀データ'.repeat(4 * 16 * 1024))
const mixed = makeCorpus('multiline', 4 * 1024 * 1024).bytes
console.log(`Machine: ${machineLine()}\n`)
console.log('| Text | Chunk | streaming MB/s | one-shot MB/s | one-shot / streaming |')
console.log('| --- | --- | ---: | ---: | ---: |')
for (const [name, bytes] of [
  ['ASCII (quote corpus)', ascii],
  ['mostly ASCII (multiline corpus)', mixed],
  ['CJK + emoji', wide],
] as const) {
  for (const size of [1024, 16 * 1024, 64 * 1024]) {
    // One-shot decodes of CJK chunks cut mid-character yield a U+FFFD or two per chunk, which
    // changes nothing about the cost; a real stream would carry the unfinished bytes over.
    const chunks = split(bytes, size)
    const streaming = measure(chunks, bytes.length, true)
    const oneShot = measure(chunks, bytes.length, false)
    console.log(
      `| ${name} | ${size / 1024} KiB | ${streaming.toFixed(0)} | ${oneShot.toFixed(0)} | ${(oneShot / streaming).toFixed(2)}× |`,
    )
  }
}
