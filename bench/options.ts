import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { threadClockWorks, type Clock } from './clocks'
import { COMPETITOR_IDS } from './competitors'

/** Rivulet from its sources, through tsx. */
export const CORE_SOURCE = '../packages/core/src/index.ts'

export interface Options {
  quick: boolean
  /** Substrings of scenario ids such as `quote/16KiB`; a scenario runs if it matches any. */
  filters: string[]
  /** Competitor ids to run; all when empty. */
  parsers: string[]
  chunkSizes: number[]
  /** Where Rivulet's parser comes from: the built package (undefined), or a module to import. */
  core: string | undefined
  /** Feed every parser pre-decoded strings, to time parsing without decoding. */
  strings: boolean
  /** What time means; see clocks.ts. Main-thread CPU time where Linux /proc offers it. */
  clock: Clock
  /** Each scenario in a fresh process, so the JIT state one leaves cannot slow the next. Off with --quick. */
  isolate: boolean
  /** Internal: this process is the child measuring the scenario with this id. */
  child: string | undefined
  /** Where to write the markdown report; only full, unfiltered runs write by default. */
  out: string | undefined
  /** Chromium run: a folder to save each scenario's CPU profile in. */
  profile: string | undefined
}

const DEFAULT_CHUNK_SIZES = [1, 1024, 16 * 1024, 64 * 1024, 256 * 1024, 2 * 1024 * 1024]

export const USAGE = `Usage: pnpm bench [-- options]
  --quick              fewer, shorter runs on smaller corpora, in one process (smoke test)
  --filter <text>      only scenarios whose id (e.g. quote/16KiB) contains text; repeatable
  --parsers <ids>      comma-separated subset of ${COMPETITOR_IDS.join(',')}
  --chunks <sizes>     comma-separated chunk sizes in bytes (default ${DEFAULT_CHUNK_SIZES.join(',')})
  --core-src           import Rivulet from packages/core/src through tsx instead of dist/
  --core <file>        import Rivulet's createParser from this module (to compare a variant)
  --strings            feed every parser pre-decoded text: parsing alone, without decoding
  --clock <clock>      thread (main-thread CPU time, the default on Linux), cpu (whole
                       process) or wall
  --in-process         run all scenarios in this process instead of one fresh process each
  --out <file>         write the markdown report there (default results.md on full runs)
  --no-out             write no report file
  --profile <dir>      (Chromium) save a CPU profile of each scenario's page there`

function asModule(file: string): string {
  return file === CORE_SOURCE || file.startsWith('file:')
    ? file
    : pathToFileURL(path.resolve(file)).href
}

export function parseOptions(argv: string[]): Options | { error: string } {
  const options: Options = {
    quick: false,
    filters: [],
    parsers: [],
    chunkSizes: DEFAULT_CHUNK_SIZES,
    core: undefined,
    clock: threadClockWorks ? 'thread' : 'cpu',
    strings: false,
    isolate: true,
    child: undefined,
    out: undefined,
    profile: undefined,
  }
  let noOut = false
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    const value = (): string => {
      const next = argv[++i]
      if (next === undefined) throw new Error(`${arg ?? ''} needs a value`)
      return next
    }
    try {
      switch (arg) {
        case '--':
          break
        case '--quick':
          options.quick = true
          break
        case '--filter':
          options.filters.push(value())
          break
        case '--parsers':
          options.parsers = value().split(',').filter(Boolean)
          for (const id of options.parsers) {
            if (!(COMPETITOR_IDS as readonly string[]).includes(id)) {
              return { error: `unknown parser ${id}` }
            }
          }
          break
        case '--chunks':
          options.chunkSizes = value().split(',').map(Number)
          if (options.chunkSizes.some((size) => !Number.isInteger(size) || size < 1)) {
            return { error: '--chunks takes positive integers' }
          }
          break
        case '--core-src':
          options.core = CORE_SOURCE
          break
        case '--core':
          // A path from the command line, or what a parent passes its child unchanged.
          options.core = asModule(value())
          break
        case '--strings':
          options.strings = true
          break
        case '--clock': {
          const clock = value()
          if (clock !== 'thread' && clock !== 'cpu' && clock !== 'wall') {
            return { error: '--clock takes thread, cpu or wall' }
          }
          if (clock === 'thread' && !threadClockWorks) {
            return { error: 'no per-thread CPU time here (needs Linux /proc)' }
          }
          options.clock = clock
          break
        }
        case '--in-process':
          options.isolate = false
          break
        case '--child':
          options.child = value()
          break
        case '--out':
          options.out = value()
          break
        case '--profile':
          options.profile = value()
          break
        case '--no-out':
          noOut = true
          break
        default:
          return { error: `unknown option ${arg ?? ''}` }
      }
    } catch (error) {
      return { error: (error as Error).message }
    }
  }
  // A fresh process per scenario costs more start-up than a smoke test's whole measurement.
  if (options.quick) options.isolate = false
  const full =
    !options.quick &&
    !options.strings &&
    options.filters.length === 0 &&
    options.parsers.length === 0
  if (noOut) options.out = undefined
  else if (options.out === undefined && full && options.chunkSizes === DEFAULT_CHUNK_SIZES) {
    options.out = 'results.md'
  }
  return options
}

/** The options a child process needs to measure one scenario as its parent would. */
export function childArgs(
  options: Options,
  id: string,
  chunkSize: number,
  parsers: string[],
): string[] {
  // The parent's parsers, named, so a child that cannot load one fails instead of leaving it out.
  const args = ['--child', id, '--chunks', String(chunkSize), '--parsers', parsers.join(',')]
  if (options.quick) args.push('--quick')
  if (options.core !== undefined) args.push('--core', options.core)
  args.push('--clock', options.clock)
  if (options.strings) args.push('--strings')
  return args
}
