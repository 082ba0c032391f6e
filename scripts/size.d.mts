// Types for scripts/size.mjs, for the tests that enforce the budgets.
export interface SizeEntry {
  readonly name: string
  /** The module an app writes, e.g. `export { createEventStream } from '@rivulet/core'`. */
  readonly code: string
  readonly dir?: string
  readonly external?: readonly string[]
}

export interface Size {
  readonly name: string
  /** Minified bytes of what loads up front. */
  readonly min: number
  /** The same, gzip -9 per file. */
  readonly gzip: number
  /** gzip -9 bytes of the chunks loaded on demand. */
  readonly lazyGzip: number
}

export const entries: readonly SizeEntry[]
export function measure(entry: SizeEntry | undefined): Promise<Size>
