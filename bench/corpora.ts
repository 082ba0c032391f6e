// Deterministic SSE corpora. Each is built from a fixed seed so every run, on every machine,
// parses byte-identical input, and the generator records what a correct parser must report.

import { seededRandom } from '@rivulet/example-server'

export interface Expected {
  events: number
  comments: number
  firstData: string
  lastData: string
  dataChars: number
  typeChars: number
  idChars: number
}

export interface Corpus {
  name: string
  description: string
  bytes: Uint8Array
  /** The blank line that ends a block, as the floor searches for it. */
  separator: string
  expected: Expected
  /** The share of bytes ≥ 0x80: the bytes of characters other than ASCII. */
  nonAscii: number
}

interface Block {
  text: string
  data: string
  type: string
  id: string
  comments: number
}

function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)]
  if (item === undefined) throw new Error('pick from an empty list')
  return item
}

const SYMBOLS = ['MSFT', 'AAPL', 'GOOG', 'AMZN', 'NVDA', 'TSLA', 'META', 'ORCL', 'IBM', 'SAP']

// Some non-ASCII words so that small chunks split multi-byte UTF-8 sequences, as real text does.
const WORDS = [
  'stream',
  'event',
  'server',
  'reactive',
  'latency',
  'buffer',
  'the',
  'of',
  'and',
  'a',
  'throughput',
  'connection',
  'retry',
  'payload',
  'café',
  'naïve',
  'Größe',
  '日本語',
  'données',
  '🚀',
  'über',
  'token',
  'reconnect',
  'observable',
]

// Company names for the accented corpus: one event in a hundred names a company with an accent.
const NAMES = ['Microsoft', 'Apple', 'Alphabet', 'Amazon', 'Nvidia', 'Tesla', 'Meta', 'Oracle']
const ACCENTED_NAMES = ['Société Générale', 'Nestlé', 'L’Oréal', 'Telefónica', 'Škoda', 'Müller']

function quoteBlock(random: () => number, n: number, named = false): Block {
  const data = JSON.stringify({
    id: n,
    symbol: pick(random, SYMBOLS),
    ...(named ? { name: pick(random, random() < 0.01 ? ACCENTED_NAMES : NAMES) } : {}),
    price: Math.round(random() * 100000) / 100,
    timestamp: new Date(Date.UTC(2026, 0, 1) + n * 250).toISOString(),
  })
  // Heartbeats open a block rather than standing alone, so blocks and events stay one-to-one
  // and the floor's blank-line count is comparable with the parsers' event count.
  const heartbeat = random() < 0.02
  const text = `${heartbeat ? ': heartbeat\n' : ''}event: stockUpdate\nid: ${n}\ndata: ${data}\n\n`
  return { text, data, type: 'stockUpdate', id: String(n), comments: heartbeat ? 1 : 0 }
}

function sentence(random: () => number, minLength: number, maxLength: number): string {
  return sentenceOf(random, WORDS, minLength, maxLength)
}

function multiLineBlock(random: () => number, n: number): Block {
  const lineCount = 5 + Math.floor(random() * 16)
  const lines: string[] = []
  for (let i = 0; i < lineCount; i++) lines.push(sentence(random, 20, 120))
  const text = `event: log\nid: ${n}\n${lines.map((line) => `data: ${line}\n`).join('')}\n`
  return { text, data: lines.join('\n'), type: 'log', id: String(n), comments: 0 }
}

// Chat in mixed scripts: about 30 % of the bytes are not ASCII (the legend prints the share).
const CHAT_WORDS = [
  '今天',
  '股票',
  '市场',
  '价格上涨',
  '東京',
  'こんにちは',
  '데이터',
  '新闻',
  '大家好',
  '買い',
  '🚀',
  '📈',
  '😀',
  'café',
  'Größe',
  'ok',
  'price',
  'the',
  'market',
  'is',
  'up',
  'today',
  'and',
  'we',
  'buy',
  'sell',
  'now',
  'really',
  'great',
  'news',
  'thanks',
]
const USERS = ['alice', 'bob', 'chen', 'dana', 'émile', 'yuki']

function chatBlock(random: () => number, n: number): Block {
  const data = JSON.stringify({
    id: n,
    user: pick(random, USERS),
    text: sentenceOf(random, CHAT_WORDS, 20, 160),
    sentAt: new Date(Date.UTC(2026, 0, 1) + n * 1000).toISOString(),
  })
  return {
    text: `event: chat\nid: ${n}\ndata: ${data}\n\n`,
    data,
    type: 'chat',
    id: String(n),
    comments: 0,
  }
}

function sentenceOf(
  random: () => number,
  words: readonly string[],
  minLength: number,
  maxLength: number,
): string {
  const length = minLength + Math.floor(random() * (maxLength - minLength))
  let line = pick(random, words)
  while (line.length < length) line += ` ${pick(random, words)}`
  return line
}

const BIG_DATA_LENGTH = 64 * 1024
const BIG_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789     '.split('')

function bigBlock(random: () => number, n: number): Block {
  const chars: string[] = []
  for (let i = 0; i < BIG_DATA_LENGTH; i++) chars.push(pick(random, BIG_ALPHABET))
  const data = chars.join('')
  return { text: `id: ${n}\ndata: ${data}\n\n`, data, type: 'message', id: String(n), comments: 0 }
}

function build(
  name: string,
  description: string,
  seed: number,
  targetBytes: number,
  makeBlock: (random: () => number, n: number) => Block,
  lineEnding: '\n' | '\r\n' = '\n',
): Corpus {
  const random = seededRandom(seed)
  const encoder = new TextEncoder()
  const parts: Uint8Array[] = []
  const expected: Expected = {
    events: 0,
    comments: 0,
    firstData: '',
    lastData: '',
    dataChars: 0,
    typeChars: 0,
    idChars: 0,
  }
  let size = 0
  // Bounded by size and, in case a generator misbehaves, by count too.
  for (let n = 1; size < targetBytes && n <= 10_000_000; n++) {
    const block = makeBlock(random, n)
    const text = lineEnding === '\n' ? block.text : block.text.replaceAll('\n', lineEnding)
    const bytes = encoder.encode(text)
    parts.push(bytes)
    size += bytes.length
    if (expected.events === 0) expected.firstData = block.data
    expected.lastData = block.data
    expected.events++
    expected.comments += block.comments
    expected.dataChars += block.data.length
    expected.typeChars += block.type.length
    expected.idChars += block.id.length
  }
  const bytes = new Uint8Array(size)
  let offset = 0
  for (const part of parts) {
    bytes.set(part, offset)
    offset += part.length
  }
  let high = 0
  for (const byte of bytes) if (byte >= 0x80) high++
  const nonAscii = high / size
  return { name, description, bytes, separator: lineEnding + lineEnding, expected, nonAscii }
}

const SPECS = {
  quote: ['JSON stock quotes, 2 % heartbeat comments', 1, quoteBlock, '\n'],
  accented: [
    'the quotes with company names, one event in a hundred accented',
    4,
    (random: () => number, n: number) => quoteBlock(random, n, true),
    '\n',
  ],
  cjk: ['JSON chat messages in Chinese, Japanese, Korean, emoji and English', 5, chatBlock, '\n'],
  multiline: ['5–20 data lines of mixed-script text', 2, multiLineBlock, '\n'],
  big: ['one 64 KiB data line per event', 3, bigBlock, '\n'],
  crlf: ['the quote corpus with CRLF line endings', 1, quoteBlock, '\r\n'],
} as const

export type CorpusName = keyof typeof SPECS
export const CORPUS_NAMES = Object.keys(SPECS) as CorpusName[]

/**
 * A corpus of about `targetBytes`, ending on a block boundary. The same seed makes a smaller
 * size a prefix of a larger one, with exact expectations of its own.
 */
export function makeCorpus(name: CorpusName, targetBytes: number): Corpus {
  const [description, seed, makeBlock, lineEnding] = SPECS[name]
  return build(name, description, seed, targetBytes, makeBlock, lineEnding)
}
