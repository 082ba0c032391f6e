// Size budgets, in `node scripts/size.mjs` terms: the entry bundled by esbuild, minified, ESM,
// peers external, gzip -9, in bytes. The test that enforces each names it.

/**
 * `@rivulet/core/parser` (`createParser`): the goal of issue 9, ≤ 1 800 B. Measured 1 785 B when
 * the parser work landed (`pnpm --filter @rivulet/core build && node scripts/size.mjs`).
 */
export const PARSER_ENTRY_GZIP_BUDGET = 1_800
