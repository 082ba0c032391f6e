import { CORPUS_NAMES, makeCorpus, type Corpus, type CorpusName } from './corpora'
import { split, splitText, type MeasureOptions, type Scenario } from './measure'
import { chunkLabel } from './report'

// Chunks this small cost a call per byte or so; they run on a short prefix of each corpus.
export const SMALL_CHUNK = 256

export interface Settings {
  corpusBytes: number
  smallCorpusBytes: number
  measure: Omit<MeasureOptions, 'clock'>
}

export const FULL: Settings = {
  corpusBytes: 4 * 1024 * 1024,
  smallCorpusBytes: 256 * 1024,
  measure: { warmupMs: 200, sampleMs: 150, samples: 7, scenarioBudgetMs: 6000, minSamples: 5 },
}

export const QUICK: Settings = {
  corpusBytes: 512 * 1024,
  smallCorpusBytes: 32 * 1024,
  measure: { warmupMs: 80, sampleMs: 30, samples: 3, scenarioBudgetMs: 600, minSamples: 3 },
}

export interface Planned {
  id: string
  corpus: CorpusName
  chunkSize: number
  corpusBytes: number
}

export function scenarioId(corpus: string, chunkSize: number): string {
  return `${corpus}/${chunkLabel(chunkSize).replace(' ', '')}`
}

/** Every corpus × chunk size whose id contains one of the filters (all when there are none). */
export function plan(settings: Settings, chunkSizes: number[], filters: string[]): Planned[] {
  const planned: Planned[] = []
  for (const corpus of CORPUS_NAMES) {
    for (const chunkSize of chunkSizes) {
      const id = scenarioId(corpus, chunkSize)
      if (filters.length > 0 && !filters.some((filter) => id.includes(filter))) continue
      const corpusBytes = chunkSize < SMALL_CHUNK ? settings.smallCorpusBytes : settings.corpusBytes
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
