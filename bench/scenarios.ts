import { CORPUS_NAMES, makeCorpus, type Corpus, type CorpusName } from './corpora'
import { split, splitText, type MeasureOptions, type Scenario } from './measure'
import { chunkLabel, sizeLabel } from './report'

// Chunks this small cost a call per byte or so; they run on a short prefix of each corpus.
export const SMALL_CHUNK = 256
// Chunks this large run on a longer corpus, so that a pass still holds several of them.
const LARGE_CHUNK = 256 * 1024

export interface Settings {
  corpusBytes: number
  smallCorpusBytes: number
  largeCorpusBytes: number
  measure: Omit<MeasureOptions, 'clock' | 'read'>
}

export const FULL: Settings = {
  corpusBytes: 4 * 1024 * 1024,
  smallCorpusBytes: 256 * 1024,
  largeCorpusBytes: 8 * 1024 * 1024,
  measure: { warmupMs: 200, sampleMs: 150, samples: 7, scenarioBudgetMs: 6000, minSamples: 5 },
}

export const QUICK: Settings = {
  corpusBytes: 512 * 1024,
  smallCorpusBytes: 32 * 1024,
  largeCorpusBytes: 4 * 1024 * 1024,
  measure: { warmupMs: 80, sampleMs: 30, samples: 3, scenarioBudgetMs: 600, minSamples: 3 },
}

export interface Planned {
  id: string
  corpus: CorpusName
  chunkSize: number
  corpusBytes: number
}

function scenarioId(corpus: string, chunkSize: number): string {
  return `${corpus}/${chunkLabel(chunkSize).replace(' ', '')}`
}

/** Every corpus × chunk size whose id contains one of the filters (all when there are none). */
export function plan(settings: Settings, chunkSizes: number[], filters: string[]): Planned[] {
  const planned: Planned[] = []
  for (const corpus of CORPUS_NAMES) {
    for (const chunkSize of chunkSizes) {
      const id = scenarioId(corpus, chunkSize)
      if (filters.length > 0 && !filters.some((filter) => id.includes(filter))) continue
      const corpusBytes =
        chunkSize < SMALL_CHUNK
          ? settings.smallCorpusBytes
          : chunkSize >= LARGE_CHUNK
            ? settings.largeCorpusBytes
            : settings.corpusBytes
      planned.push({ id, corpus, chunkSize, corpusBytes })
    }
  }
  return planned
}

const corpora = new Map<string, Corpus>()

/** Corpora are generated once per name and size, however many scenarios share them. */
export function corpusFor(planned: Planned): Corpus {
  const key = `${planned.corpus}:${planned.corpusBytes}`
  let corpus = corpora.get(key)
  if (corpus === undefined) {
    corpus = makeCorpus(planned.corpus, planned.corpusBytes)
    corpora.set(key, corpus)
  }
  return corpus
}

export function buildScenario(planned: Planned, strings: boolean): Scenario {
  const corpus = corpusFor(planned)
  return {
    id: planned.id,
    corpus: corpus.name,
    chunkSize: planned.chunkSize,
    bytes: corpus.bytes.length,
    separator: corpus.separator,
    chunks: strings
      ? splitText(corpus.bytes, planned.chunkSize)
      : split(corpus.bytes, planned.chunkSize),
  }
}

/** One line per corpus: what it is, its size and event count, its share of non-ASCII bytes. */
export function corporaLegend(planned: Planned[]): string {
  const lines: string[] = []
  for (const name of CORPUS_NAMES) {
    const sizes: string[] = []
    let description = ''
    let nonAscii = 0
    const seen = new Set<number>()
    for (const p of planned) {
      if (p.corpus !== name || seen.has(p.corpusBytes)) continue
      seen.add(p.corpusBytes)
      const corpus = corpusFor(p)
      description = corpus.description
      nonAscii = corpus.nonAscii
      const events = corpus.expected.events
      sizes.push(`${sizeLabel(corpus.bytes.length)} (${events} event${events === 1 ? '' : 's'})`)
    }
    if (sizes.length === 0) continue
    const share =
      nonAscii === 0
        ? 'ASCII only'
        : `${(nonAscii * 100).toFixed(nonAscii < 0.01 ? 2 : 0)} % non-ASCII bytes`
    lines.push(`- **${name}**: ${description}; ${share}; ${sizes.join(', ')}`)
  }
  return [
    ...lines,
    `Chunks under ${SMALL_CHUNK} B run on the smallest size, chunks of ${chunkLabel(LARGE_CHUNK)} and more on the largest.`,
  ].join('\n')
}
