// Size budgets, in `node scripts/size.mjs` terms: the entry bundled by esbuild, minified, ESM,
// peers external, dynamic imports split off, gzip -9 per file, in bytes of what loads up front.
// packages/core/test/size.test.ts enforces every one; integrations/test/parser-size.test.ts the
// parser's again, from the packed package.

/**
 * `@rivulet/core/parser` (`createParser`): the goal of issue 9, ≤ 1 800 B. Measured 1 785 B when
 * the parser work landed (`pnpm --filter @rivulet/core build && node scripts/size.mjs`).
 */
export const PARSER_ENTRY_GZIP_BUDGET = 1_800

/**
 * Every entry's ceiling. The bindings' are issue 9's goal (≤ 1 000 B each). Core's goal is
 * ≤ 4 000 B and it is NOT met: these ceilings are fences at what was measured on 2026-12-01, once
 * the optional features became imports (`createEventStream` 6 985 B; with
 * `eventSourceTransport` 7 550, `pageLifecycle` 7 251, `inStorage` 7 290, `acrossTabs` 9 103;
 * everything 10 654), plus about 1 %, so that nothing grows unnoticed; see the core README's
 * "Size". Raised on 2026-12-02 for the EventSource transport's batching (+110 B with
 * `eventSourceTransport`: 7 660 B; everything 10 756), which brought that transport within 10 %
 * of the bare `eventsource` package (bench/README.md). Raised on 2026-12-06 by 20 B for the
 * hub that bounds the latest payloads a stream keeps (64 types nobody subscribes to at most, so a
 * server sending ever new event types cannot grow the stream's memory; createEventStream 7 049 B).
 * `lazy` is the ceiling for chunks loaded on demand (none today).
 */
export const ENTRY_GZIP_BUDGETS: Record<
  string,
  { readonly upFront: number; readonly lazy?: number }
> = {
  '@rivulet/core (everything)': { upFront: 10_850 },
  createEventStream: { upFront: 7_060 },
  'createEventStream + transport: eventSourceTransport()': { upFront: 7_740 },
  'createEventStream + lifecycle: pageLifecycle()': { upFront: 7_330 },
  "createEventStream + persist: inStorage('session')": { upFront: 7_370 },
  'createEventStream + share: acrossTabs()': { upFront: 9_200 },
  '@rivulet/core/parser createParser': { upFront: PARSER_ENTRY_GZIP_BUDGET },
  '@rivulet/react (everything)': { upFront: 1_000 },
  '@rivulet/vue (everything)': { upFront: 1_000 },
}
