// Size budgets, in `node scripts/size.mjs` terms: the entry bundled by esbuild, minified, ESM,
// peers external, dynamic imports split off, gzip -9 per file, in bytes of what loads up front.
// packages/core/test/size.test.ts enforces every one; integrations/test/parser-size.test.ts the
// parser's again, from the packed package.

/**
 * `@rivulet/core/parser` (`createParser`): the goal of issue 9, ≤ 1 800 B. Measured 1 785 B when
 * the parser work landed, 1 566 B in the browser build (`pnpm --filter @rivulet/core build &&
 * node scripts/size.mjs`, 2026-12-06).
 */
export const PARSER_ENTRY_GZIP_BUDGET = 1_800

/**
 * Every entry's ceiling. The bindings' are issue 9's goal (≤ 1 000 B each). Core's goal is
 * ≤ 4 000 B and it is NOT met: these ceilings are fences at what was last measured plus about
 * 1 %, so that nothing grows unnoticed; see the core README's "Size". History: 8 775 B for
 * `createEventStream` before the optional features became imports; 6 985 B after (2026-12-01);
 * 7 022 B with the EventSource transport's batching and 7 049 B with the hub that bounds the
 * latest payloads a stream keeps (2026-12-02, 2026-12-06); 6 835 B once browsers got a build
 * without Node's decoder path (the package's `browser` export condition, 2026-12-06; with
 * `eventSourceTransport` 7 473, `pageLifecycle` 7 106, `inStorage` 7 137, `acrossTabs` 8 965;
 * everything 10 585); 6 841 B once a new type's route was named from the start. `lazy` is the
 * ceiling for chunks loaded on demand (none today).
 */
export const ENTRY_GZIP_BUDGETS: Record<
  string,
  { readonly upFront: number; readonly lazy?: number }
> = {
  '@rivulet/core (everything)': { upFront: 10_690 },
  createEventStream: { upFront: 6_900 },
  'createEventStream + transport: eventSourceTransport()': { upFront: 7_550 },
  'createEventStream + lifecycle: pageLifecycle()': { upFront: 7_180 },
  "createEventStream + persist: inStorage('session')": { upFront: 7_210 },
  'createEventStream + share: acrossTabs()': { upFront: 9_060 },
  '@rivulet/core/parser createParser': { upFront: PARSER_ENTRY_GZIP_BUDGET },
  '@rivulet/react (everything)': { upFront: 1_000 },
  '@rivulet/vue (everything)': { upFront: 1_000 },
}
