// The parser benchmark as a Chromium page runs it: bundled by parser.chromium.ts with the same
// competitors, chunking, verification and interleaved rounds as in Node, timed by performance.now().
import { createParser } from '@rivulet/core/parser'
import { peers, rivulet, type Competitor } from './competitors'
import type { Expected } from './corpora'
import { measureScenario, split, splitText, type Measurement, type MeasureOptions } from './measure'
import { verify } from './verify'

export interface PageRun {
  id: string
  corpus: string
  chunkSize: number
  corpusUrl: string
  separator: string
  expected: Expected
  parsers: string[]
  /** Feed pre-decoded text: parsing alone (--strings). */
  strings: boolean
  measure: Omit<MeasureOptions, 'clock' | 'read'>
}

export type PageResult = { problems: string[] } | { results: [string, Measurement][] }

async function runScenario(run: PageRun): Promise<PageResult> {
  const bytes = new Uint8Array(await (await fetch(run.corpusUrl)).arrayBuffer())
  const competitors: Competitor[] = [rivulet(createParser, 'rivulet'), ...peers()].filter(
    (c) => run.parsers.includes(c.id) && (c.takesStrings || !run.strings),
  )
  const scenario = {
    id: run.id,
    corpus: run.corpus,
    chunkSize: run.chunkSize,
    bytes: bytes.length,
    separator: run.separator,
    chunks: run.strings ? splitText(bytes, run.chunkSize) : split(bytes, run.chunkSize),
  }
  const problems = verify(competitors, scenario, run.expected)
  if (problems.length > 0) return { problems }
  // Only wall time exists in a page; the other clocks repeat it.
  const read = () => {
    const now = performance.now()
    return { thread: now, cpu: now, wall: now }
  }
  const results = measureScenario(competitors, scenario, { ...run.measure, clock: 'wall', read })
  return { results: [...results] }
}

;(globalThis as { runScenario?: typeof runScenario }).runScenario = runScenario
